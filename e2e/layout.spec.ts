// Every page, as each kind of person sees it, in every language: nothing wider than the
// viewport on a 320 px and a 390 px phone or a 1280 px desktop (WCAG 1.4.10), and axe-core
// finds nothing on the phone in each locale. The pages are only read here; the journeys
// that change things have their own specs.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { axeFindings, baseUrl, expectAccessible, keepScreenshot, watchForBreakage } from './support';

const demoPassword = 'mentora-demo-pass';
const locales = ['en', 'es', 'de', 'ar'] as const;
type Locale = (typeof locales)[number];

const widths = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

type Tour = { who: string; email?: string; paths: (page: Page) => Promise<string[]> };

/** The first link on `path` whose address matches `pattern`, as a path. */
async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string[]> {
  await page.goto(baseUrl() + path);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((h) => pattern.test(h));
  return found ? [found] : [];
}

const tours: Tour[] = [
  {
    who: 'visitor',
    paths: async (page) => [
      '/',
      '/experts',
      '/experts?q=design&sort=price',
      ...(await firstLink(page, '/experts', /^\/experts\/[a-z0-9-]+$/)),
      '/login',
      '/signup',
      '/forgot-password',
    ],
  },
  {
    who: 'learner',
    email: 'learner@demo.mentora.test',
    paths: async (page) => [
      '/sessions',
      '/sessions?tab=past',
      ...(await firstLink(page, '/sessions?tab=past', /^\/bookings\/[0-9a-f-]+$/)),
      '/goals',
      '/notifications',
      '/account/profile',
      '/account/security',
    ],
  },
  {
    who: 'expert',
    email: 'expert28@demo.mentora.test',
    paths: async () => ['/schedule', '/experts/availability', '/experts/earnings', '/experts/apply', '/calendars'],
  },
  {
    who: 'operator',
    email: 'admin@demo.mentora.test',
    paths: async () => [
      '/admin/experts',
      '/admin/users',
      '/admin/audit',
      '/admin/outbox',
      '/admin/jobs',
      '/admin/payments',
      '/admin/reviews',
      '/admin/kpis',
    ],
  },
];

async function personIn(browser: Browser, locale: Locale): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: widths[1] });
  const url = new URL(baseUrl());
  await context.addCookies([{ name: 'mentora_locale', value: locale, domain: url.hostname, path: '/' }]);
  return context;
}

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(baseUrl() + '/login');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(demoPassword);
  await page.locator('main form button[type=submit]').first().click();
  await expect(page.locator('form[action="/logout"]')).toBeAttached();
}

/** Opens `path`, signing in again when another journey ended this person's sessions. */
async function visit(page: Page, path: string, email?: string): Promise<void> {
  await page.goto(baseUrl() + path);
  if (email && new URL(page.url()).pathname === '/login') {
    await logIn(page, email);
    await page.goto(baseUrl() + path);
  }
  expect(new URL(page.url()).pathname, `${path} opened itself`).toBe(new URL(baseUrl() + path).pathname);
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const tour of tours) {
  for (const locale of locales) {
    test(`every page of the ${tour.who} fits 320, 390 and 1280 px and passes axe in ${locale}`, async ({ browser }) => {
      test.slow();
      const context = await personIn(browser, locale);
      const page = await context.newPage();
      const problems = watchForBreakage(page);
      if (tour.email) await logIn(page, tour.email);
      const paths = await tour.paths(page);
      const findings: string[] = [];
      expect(paths.length).toBeGreaterThan(3);
      for (const path of paths) {
        await visit(page, path, tour.email);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
        // Every finding of every page is gathered, so one run shows them all.
        for (const size of widths) {
          await page.setViewportSize(size);
          const extra = await overflow(page);
          if (extra > 0) findings.push(`${path} is ${extra} px too wide at ${size.width} px`);
        }
        await page.setViewportSize(widths[1]);
        findings.push(...(await axeFindings(page)).map((v) => `${path}: ${v}`));
      }
      expect(findings).toEqual([]);
      await keepScreenshot(page, `layout-${tour.who}-${locale}-390`);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
}

test('on a phone the site menu folds behind a button; on a desktop its links sit in the header', async ({ browser }) => {
  const context = await personIn(browser, 'en');
  const page = await context.newPage();
  const learner = 'learner@demo.mentora.test';
  await logIn(page, learner);
  await page.setViewportSize({ width: 390, height: 844 });
  await visit(page, '/sessions?tab=past', learner);
  const mySessions = page.getByRole('banner').getByRole('link', { name: 'My sessions' });
  const menu = page.getByRole('banner').locator('summary', { hasText: 'Menu' });
  await expect(mySessions).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(mySessions).toBeVisible();
  const box = await mySessions.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(24);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await keepScreenshot(page, 'menu-open-390');
  await mySessions.click();
  await expect(page).toHaveURL(/\/sessions$/);
  await expect(mySessions).toBeHidden();

  // The tab being shown is marked, to the eye and to a screen reader.
  const tabs = page.getByRole('navigation', { name: 'Which sessions' });
  await expect(tabs.getByRole('link', { name: 'Upcoming' })).toHaveAttribute('aria-current', 'page');
  await tabs.getByRole('link', { name: 'Past' }).click();
  const past = tabs.getByRole('link', { name: 'Past' });
  await expect(past).toHaveAttribute('aria-current', 'page');
  await expect(past).toHaveCSS('font-weight', '600');
  await expect(tabs.getByRole('link', { name: 'Upcoming' })).toHaveCSS('font-weight', '400');
  // Lengths carry their unit.
  await expect(page.locator('#sessions tbody tr').first().locator('td').nth(2)).toHaveText(/^\d+ min$/);

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(mySessions).toBeVisible();
  await keepScreenshot(page, 'menu-desktop');
  await context.close();
});

test('on a phone a profile shows its prices and the way to book before the bio', async ({ browser }) => {
  const context = await personIn(browser, 'en');
  const page = await context.newPage();
  const [profile] = await firstLink(page, '/experts', /^\/experts\/[a-z0-9-]+$/);
  await page.goto(baseUrl() + profile);
  const prices = page.getByRole('heading', { name: 'Sessions and prices' });
  const choose = page.getByRole('link', { name: 'Choose a time' });
  // Both within the first screen of a 390 × 844 phone, above the bio.
  for (const element of [prices, choose]) {
    const box = await element.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(844);
  }
  const about = await page.getByRole('heading', { name: 'About' }).boundingBox();
  expect((await choose.boundingBox())!.y).toBeLessThan(about!.y);
  await keepScreenshot(page, 'profile-top-390');
  await choose.click();
  await expect(page).toHaveURL(/#slots$/);
  await expect(page.getByRole('heading', { name: 'Book a session' })).toBeInViewport();
  await expectAccessible(page);
  await context.close();
});

test('on a phone the directory shows results first, its filters behind a button; cards show prices per length and languages', async ({ browser }) => {
  const context = await personIn(browser, 'en');
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(baseUrl() + '/experts');
  const filters = page.locator('summary', { hasText: 'Filter experts' });
  const search = page.getByRole('searchbox').or(page.locator('#q'));
  await expect(search).toBeHidden();
  const firstCard = page.locator('.expert-card').first();
  await expect(firstCard).toBeInViewport();
  await expect(firstCard.locator('.card-prices dt').first()).toHaveText(/^\d+ min$/);
  await expect(firstCard.locator('[lang]').first()).toBeVisible();
  await keepScreenshot(page, 'directory-390');
  await filters.click();
  await expect(search).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(filters).toBeHidden();
  await expect(search).toBeVisible();
  await keepScreenshot(page, 'directory-1280');
  await context.close();
});

/** Where each `H:MM` time in `selector`'s text starts on screen, left to right as read. */
async function timesOnScreen(page: Page, selector: string): Promise<{ time: string; left: number; top: number }[]> {
  return page.locator(selector).evaluate((element) => {
    const found: { time: string; left: number; top: number }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of (node.textContent ?? '').matchAll(/\d{1,2}:\d{2}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index ?? 0);
        range.setEnd(node, (match.index ?? 0) + match[0].length);
        const box = range.getBoundingClientRect();
        found.push({ time: match[0], left: box.left, top: box.top });
      }
    }
    return found;
  });
}

test('on an Arabic page a session reads from its start to its end, and lengths and prices stay whole', async ({ browser }) => {
  const context = await personIn(browser, 'ar');
  const page = await context.newPage();
  const learner = 'learner@demo.mentora.test';
  await logIn(page, learner);
  const [booking] = await firstLink(page, '/sessions?tab=past', /^\/bookings\/[0-9a-f-]+$/);
  await visit(page, booking, learner);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // Read right to left as Arabic is, the start comes first: the end sits left of it, and
  // the date's digits are not carried off to the wrong side of the range.
  // Measured on a desktop, where the range fits one line whatever the day's name (on a
  // phone a long one wraps it, and left and right then say nothing about order).
  await page.setViewportSize({ width: 1280, height: 800 });
  const times = await timesOnScreen(page, '#booking-when');
  expect(times.length).toBe(2);
  const [start, end] = times;
  expect(Math.abs(start.top - end.top), 'the range is on one line').toBeLessThan(4);
  expect(start.left, `${start.time} should be right of ${end.time}`).toBeGreaterThan(end.left);
  await page.setViewportSize({ width: 390, height: 844 });
  await keepScreenshot(page, 'booking-ar-390');
  // A length keeps its number beside its unit, in the order Arabic reads them.
  await visit(page, '/sessions?tab=past', learner);
  const length = await page.locator('#sessions tbody tr').first().locator('td').nth(2).textContent();
  expect(length).toMatch(/^\d+ د$/);
  await context.close();
});
