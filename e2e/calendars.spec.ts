// Journey 8 (calendars): an expert subscribes to her team's calendar feed; its busy
// times are counted on the page (the Rust tests in crates/mentora/tests/it/calendars.rs
// show them blocking slots, against a real Radicale too). A mistyped CalDAV address is
// refused beside its field in plain words, keeping what she typed. She chooses to keep
// taking bookings should the feed fail. She connects Google Calendar by signing in (a
// stand-in for Google's consent screen and API: e2e/fake-google.ts). The page passes axe
// and fits a 390 px phone in English and in Arabic (right to left).
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { googleAccount } from './fake-google';
import { baseUrl, expectAccessible, keepScreenshot, watchForBreakage } from './support';

const demoPassword = 'mentora-demo-pass';
// Used by no other journey: the feed's busy times change nobody else's slots.
const expertEmail = 'expert12@demo.mentora.test';

// One account, one language setting: the two journeys take turns.
test.describe.configure({ mode: 'serial' });

let feed: Server;
let feedUrl = '';

/** `YYYYMMDD` of the day `days` from now (UTC). */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
}

test.beforeAll(async () => {
  // The team's calendar: a two-hour workshop on each of the next three days.
  const events = [3, 4, 5]
    .map((d) => `BEGIN:VEVENT\r\nUID:workshop-${d}\r\nDTSTART:${day(d)}T100000Z\r\nDTEND:${day(d)}T120000Z\r\nSUMMARY:Workshop\r\nEND:VEVENT\r\n`)
    .join('');
  const body = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//EN\r\nX-WR-CALNAME:Team calendar\r\n${events}END:VCALENDAR\r\n`;
  feed = createServer((req, res) => {
    if (req.url === '/team.ics') {
      res.writeHead(200, { 'content-type': 'text/calendar', etag: '"team-1"' });
      res.end(body);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Sign in</body></html>');
    }
  });
  await new Promise<void>((ok) => feed.listen(0, '127.0.0.1', ok));
  feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}/team.ics`;
});

test.afterAll(async () => {
  await new Promise((done) => feed.close(done));
});

async function signedIn(browser: Browser, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill(expertEmail);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('form[action="/logout"]')).toBeAttached();
  return page;
}

async function fitsPhone(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, what).toBeLessThanOrEqual(0);
}

test('an expert subscribes to a calendar feed whose busy times block her slots', async ({ browser }) => {
  const ana = await signedIn(browser, 1280);
  const problems = watchForBreakage(ana);

  // From her availability page, where she would look for it.
  await ana.goto(baseUrl() + '/experts/availability');
  await ana.getByRole('link', { name: 'Connect your calendars' }).click();
  await expect(ana.getByRole('heading', { level: 1, name: 'Your calendars' })).toBeVisible();
  await expect(ana.getByText('No calendar is connected yet.')).toBeVisible();
  await expectAccessible(ana);

  // The feed's address typed as a CalDAV server: refused beside the field, kept.
  const caldav = ana.locator('#caldav');
  await caldav.getByLabel('Server address').fill(feedUrl.replace('team.ics', ''));
  await caldav.getByLabel('User name').fill('ana');
  await caldav.getByLabel('App password').fill('not-this-one');
  await caldav.getByRole('button', { name: 'Connect' }).click();
  await expect(ana.locator('#url-error')).toHaveText(/does not answer with a calendar/);
  await expect(caldav.getByLabel('Server address')).toHaveValue(feedUrl.replace('team.ics', ''));
  await expect(caldav.getByLabel('App password')).toHaveValue('');
  await expectAccessible(ana);
  await keepScreenshot(ana, 'calendars-caldav-refused');

  // The feed itself.
  await ana.locator('#feed').getByLabel('Feed address').fill(feedUrl);
  await ana.getByRole('button', { name: 'Subscribe' }).click();
  await expect(ana.getByRole('status')).toHaveText(/Calendar connected/);
  const card = ana.locator('#connections > li').first();
  await expect(card).toContainText('Subscribed feed');
  await expect(card).toContainText('Team calendar');
  await expect(card).toContainText('3 busy times ahead');
  await expect(card).toContainText('Working: busy times are read on schedule.');

  // Should the feed fail, keep taking bookings (marked for learners).
  await card.getByLabel('Keep taking bookings while this calendar cannot be read').check();
  await card.getByRole('button', { name: 'Save calendar choices' }).click();
  await expect(ana.getByRole('status')).toHaveText('Calendar choices saved.');
  await expect(ana.locator('#connections > li').first().getByLabel('Keep taking bookings while this calendar cannot be read')).toBeChecked();
  await expectAccessible(ana);
  await keepScreenshot(ana, 'calendars-connected');
  expect(problems).toEqual([]);
});

test('an expert connects Google Calendar by signing in, and its busy hour is counted', async ({ browser }) => {
  const ana = await signedIn(browser, 1280);
  const problems = watchForBreakage(ana);
  await ana.goto(baseUrl() + '/calendars');
  await ana.getByRole('button', { name: 'Connect Google Calendar' }).click();
  // Google's consent screen (a stand-in): she allows, and is back on her page.
  await expect(ana.getByRole('heading', { name: 'Mentora wants to access your Google Account' })).toBeVisible();
  await ana.getByRole('link', { name: 'Allow' }).click();
  await expect(ana.getByRole('heading', { level: 1, name: 'Your calendars' })).toBeVisible();
  await expect(ana.getByRole('status')).toHaveText(/Calendar connected/);
  const card = ana.locator('#connections > li', { hasText: 'Google Calendar' });
  await expect(card).toContainText(googleAccount);
  await expect(card).toContainText('1 busy time ahead');
  await expect(card.getByRole('button', { name: 'Sign in again' })).toBeVisible();
  // Her sessions may go to it (unlike a feed).
  await expect(card.getByLabel(/Receives my sessions/)).toBeVisible();
  await expectAccessible(ana);
  await keepScreenshot(ana, 'calendars-google-connected');
  expect(problems).toEqual([]);
});

test('the calendars page fits a phone in English and reads right to left in Arabic', async ({ browser }) => {
  const ana = await signedIn(browser, 390);
  const problems = watchForBreakage(ana);
  await ana.goto(baseUrl() + '/calendars');
  await fitsPhone(ana, 'calendars-en');
  await expectAccessible(ana);
  await keepScreenshot(ana, 'calendars-390');
  await ana.locator('summary', { hasText: 'Language' }).click();
  await ana.getByRole('button', { name: 'العربية' }).click();
  await expect(ana.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(ana.getByRole('heading', { level: 1 })).toHaveText('تقاويمك');
  await fitsPhone(ana, 'calendars-ar');
  await expectAccessible(ana);
  await keepScreenshot(ana, 'calendars-ar-390');
  // Back to English for the other journeys of this account.
  await ana.locator('details.language-menu summary').click();
  await ana.getByRole('button', { name: 'English' }).click();
  await expect(ana.locator('html')).toHaveAttribute('lang', 'en');
  expect(problems).toEqual([]);
});
