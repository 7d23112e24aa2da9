// Journeys of the money after the payment, on the test-mode server: an operator finds a
// paid booking, is told beside the field why a refund is refused, refunds part of it with
// a reason; the expert reads the session in their earnings (also in Arabic on a phone);
// an operator sets an exchange rate from a later day, with inline errors first. Every
// page passes axe and fits a 390 px phone.
import { expect, test, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, keepScreenshot, watchForBreakage } from './support';

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('mentora-demo-pass');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('form[action="/logout"]')).toBeAttached();
}

async function fitsAPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('an operator refunds part of a paid booking with a reason, and the expert reads it in their earnings', async ({ browser }) => {
  test.slow();
  // The learner books Bruno (a later time than other journeys take) and pays in test mode.
  const learner = await (await browser.newContext()).newPage();
  await logIn(learner, 'learner@demo.mentora.test');
  await learner.goto(baseUrl() + '/experts?q=Bruno');
  await learner.getByRole('link', { name: 'Bruno Costa' }).first().click();
  await learner.locator('button.slot-button').nth(8).click();
  await learner.getByRole('button', { name: 'Hold this time and pay' }).click();
  const price = (await learner.locator('#checkout-price').textContent())?.trim() ?? '';
  await learner.getByRole('button', { name: `Pay ${price} (test)` }).click();
  await expect(learner.locator('#booking-status')).toHaveText('Confirmed');
  const booking = new URL(learner.url()).pathname.split('/')[2];

  // The operator finds it by its id and asks for too much back: told why, nothing lost.
  const ops = await (await browser.newContext()).newPage();
  const problems = watchForBreakage(ops);
  await logIn(ops, 'admin@demo.mentora.test');
  await ops.getByRole('link', { name: 'Payments' }).click();
  await expect(ops.getByRole('heading', { level: 1 })).toHaveText('Payments');
  await ops.getByLabel('Booking, learner or expert').fill(booking);
  await ops.getByRole('button', { name: 'Search' }).click();
  const card = ops.locator(`#booking-${booking}`);
  await expect(card).toContainText('learner@demo.mentora.test');
  await card.getByLabel(/^Amount to refund/).fill('99999');
  await card.getByLabel(/^Reason/).fill('Audio problems for a third of the session');
  await card.getByRole('button', { name: 'Refund' }).click();
  const refused = ops.locator(`#booking-${booking}`);
  await expect(refused.getByRole('alert')).toContainText('at most what is left to refund');
  await expect(refused.getByLabel(/^Reason/)).toHaveValue('Audio problems for a third of the session');
  await expectAccessible(ops);
  await keepScreenshot(ops, 'money-refund-refused');

  await refused.getByLabel(/^Amount to refund/).fill('10');
  await refused.getByRole('button', { name: 'Refund' }).click();
  await expect(ops.locator(`#booking-${booking}`)).toContainText('Refund decided');
  await expect(ops.locator(`#booking-${booking}`)).toContainText('€10.00');
  await expectAccessible(ops);
  await keepScreenshot(ops, 'money-refunded');
  await fitsAPhone(ops);
  await keepScreenshot(ops, 'money-payments-390');
  expect(problems).toEqual([]);

  // Bruno reads the session among his earnings: upcoming, his share after the refund.
  const bruno = await (await browser.newContext()).newPage();
  const brunoProblems = watchForBreakage(bruno);
  await logIn(bruno, 'expert28@demo.mentora.test');
  await bruno.getByRole('link', { name: 'Earnings' }).click();
  await expect(bruno.getByRole('heading', { level: 1 })).toHaveText('Your earnings');
  await expect(bruno.locator(`li[data-stage="upcoming"] a[href="/bookings/${booking}"]`)).toBeVisible();
  await expect(bruno.getByRole('link', { name: 'Download as CSV' })).toHaveAttribute('href', '/experts/earnings.csv');
  await expectAccessible(bruno);
  await keepScreenshot(bruno, 'money-earnings');
  await bruno.context().addCookies([{ name: 'mentora_locale', value: 'ar', url: baseUrl() }]);
  await bruno.reload();
  await expect(bruno.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(bruno.getByRole('heading', { level: 1 })).toHaveText('أرباحك');
  await fitsAPhone(bruno);
  await expectAccessible(bruno);
  await keepScreenshot(bruno, 'money-earnings-ar-390');
  expect(brunoProblems).toEqual([]);
});

test('an operator sets an exchange rate from a later day after fixing what was refused', async ({ page }) => {
  const problems = watchForBreakage(page);
  await logIn(page, 'admin@demo.mentora.test');
  await page.goto(baseUrl() + '/admin/payments');
  await page.getByRole('link', { name: 'Exchange rates' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exchange rates');
  await expect(page.locator('#rates-in-force')).toContainText('EUR');
  await page.getByLabel('Currency').fill('E1');
  await page.getByLabel('Units per US dollar').fill('ten');
  await page.getByRole('button', { name: 'Set rate' }).click();
  await expect(page.locator('#currency-error')).toContainText('three-letter ISO 4217');
  await expect(page.locator('#per_usd-error')).toContainText('above zero');
  await expect(page.getByLabel('Currency')).toHaveValue('E1');
  await expectAccessible(page);
  await keepScreenshot(page, 'money-rates-refused');

  // SEK from a day far ahead: announced, nothing estimated differently today.
  await page.getByLabel('Currency').fill('SEK');
  await page.getByLabel('Units per US dollar').fill('10.25');
  await page.getByLabel('From (UTC day)').fill('2031-01-01');
  await page.getByRole('button', { name: 'Set rate' }).click();
  await expect(page.getByRole('status')).toContainText('Rate saved');
  // Its first day written as English writes a date, not as ISO.
  await expect(page.getByRole('table').first()).toContainText('Jan 1, 2031');
  await expectAccessible(page);
  await fitsAPhone(page);
  await keepScreenshot(page, 'money-rates-390');
  expect(problems).toEqual([]);
});
