// Journey: live updates. Two browsers look at one expert's week; when one holds a time,
// the other sees it vanish without reloading, with a polite note read out. The expert,
// signed in elsewhere, sees the unread badge in the header count up as the booking is
// held and confirmed, and finds it in the notification centre. Every page passes axe.
import { expect, test, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, keepScreenshot, watchForBreakage } from './support';

const demoPassword = 'mentora-demo-pass';

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('form[action="/logout"]')).toBeAttached();
}

/// The page's live socket is open and following what the page shows.
async function following(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-live', 'on');
}

test('a time held in one browser vanishes from another, and the expert’s badge counts up', async ({ browser }) => {
  // Three browsers and several axe scans: more than the default 30 s on two busy cores.
  test.slow();
  const expertPage = await (await browser.newContext()).newPage();
  const watcher = await (await browser.newContext()).newPage();
  const page = await (await browser.newContext()).newPage();
  const problems = watchForBreakage(page);

  // Aiko Suzuki (expert27) is signed in on her sessions page.
  await logIn(expertPage, 'expert27@demo.mentora.test');
  await expertPage.goto(baseUrl() + '/sessions');
  await following(expertPage);
  const badge = expertPage.locator('[data-unread-badge]');
  const unread = async (): Promise<number> => Number((await badge.textContent()) ?? '0');
  const before = await unread();

  // A visitor is looking at her week.
  await watcher.goto(baseUrl() + '/experts?q=Aiko');
  await watcher.getByRole('link', { name: 'Aiko Suzuki' }).first().click();
  const profile = watcher.url().split('#')[0];
  await expect(watcher.locator('button.slot-button').first()).toBeVisible();
  await following(watcher);

  // A learner holds the first free time.
  await logIn(page, 'learner@demo.mentora.test');
  await page.goto(profile);
  const slot = page.locator('button.slot-button').first();
  const start = (await slot.getAttribute('value')) ?? '';
  expect(start).not.toEqual('');
  await slot.click();
  await page.getByRole('button', { name: 'Hold this time and pay' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pay for your session');

  // The visitor's page drops it within a second, says so politely, and stays accessible.
  await expect(watcher.locator(`button.slot-button[value="${start}"]`)).toHaveCount(0, { timeout: 1000 });
  await expect(watcher.locator('#slots-live-note')).toBeVisible();
  await expect(watcher.locator('#live-announcer')).toContainText('Someone else just took a time');
  await expectAccessible(watcher);
  await keepScreenshot(watcher, 'live-slot-taken');

  // The expert was told of the hold, then of the confirmation, without reloading.
  await expect.poll(unread).toBeGreaterThan(before);
  const held = await unread();
  const price = (await page.locator('#checkout-price').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: `Pay ${price} (test)` }).click();
  await expect(page.locator('#booking-status')).toHaveText('Confirmed');
  await expect.poll(unread).toBeGreaterThan(held);
  await expect(expertPage.locator('[data-unread-link]')).toHaveAttribute('aria-label', `Notifications, ${await unread()} unread`);
  await keepScreenshot(expertPage, 'live-badge');

  // The centre lists it; marking all read clears the badge.
  await expertPage.getByRole('link', { name: /^Notifications/ }).click();
  await expect(expertPage.getByRole('heading', { level: 1 })).toHaveText('Notifications');
  await expect(expertPage.locator('li.notification').first()).toContainText('is confirmed');
  await expectAccessible(expertPage);
  await keepScreenshot(expertPage, 'notification-centre');
  await expertPage.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(badge).toBeHidden();

  // Settings: one row per topic, both channels.
  await expertPage.getByRole('link', { name: 'Notification settings' }).click();
  await expect(expertPage.getByRole('group', { name: 'Reminders' })).toBeVisible();
  await expectAccessible(expertPage);
  await keepScreenshot(expertPage, 'notification-settings');
  expect(problems).toEqual([]);
});

test('the notification centre fits a phone and reads right to left in Arabic', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await logIn(page, 'learner@demo.mentora.test');
  await context.addCookies([{ name: 'mentora_locale', value: 'ar', url: baseUrl() }]);
  await page.goto(baseUrl() + '/notifications/settings');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await keepScreenshot(page, 'notification-settings-ar-phone');
});
