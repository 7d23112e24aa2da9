// Journey: a learner pays by card through Stripe. Against the Mentora instance configured
// with Stripe keys (global-setup.ts), whose Stripe is a fake of ours (fake-stripe.ts, with a
// fake Stripe.js that mounts a Payment Element stand-in and confirms the payment). The
// learner holds a time, sees the hold count down, is declined once and keeps the hold,
// pays, and Stripe's return lands on a page that waits for the webhook and moves on to the
// confirmed booking. On a 390 px phone and in Arabic, checked with axe at every step.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, keepScreenshot, watchForBreakage } from './support';

const stripeUrl = (): string => {
  const url = process.env.STRIPE_BASE_URL;
  if (!url) throw new Error('STRIPE_BASE_URL is not set: global-setup did not run');
  return url;
};

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(stripeUrl() + '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('mentora-demo-pass');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('form[action="/logout"]')).toBeAttached();
}

/** Picks Bruno's first free time and holds it; the page is then the checkout. */
async function holdFirstSlot(page: Page): Promise<void> {
  await page.goto(stripeUrl() + '/experts?q=Bruno');
  await page.getByRole('link', { name: 'Bruno Costa' }).first().click();
  await page.locator('button.slot-button').first().click();
  await page.getByRole('button', { name: 'Hold this time and pay' }).click();
}

test('a learner pays by card through Stripe: declined once, then paid and confirmed by the webhook', async ({ page, browser }) => {
  test.slow();
  const problems = watchForBreakage(page);
  await logIn(page, 'learner@demo.mentora.test');
  await holdFirstSlot(page);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pay for your session');
  // Real payments: no sandbox banner; the hold counts down.
  await expect(page.locator('.test-mode-banner')).toHaveCount(0);
  await expect(page.locator('#hold-countdown')).toHaveText(/^\d+:\d\d$/);
  const card = page.getByLabel('Card number');
  await expect(card).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'payments-checkout');

  // Declined: the message from Stripe.js, the hold still there.
  await card.fill('4000 0000 0000 0002');
  const price = (await page.locator('#checkout-price').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: `Pay ${price}` }).click();
  await expect(page.locator('#payment-message')).toHaveText('Your card was declined.');
  await expect(page.getByRole('button', { name: `Pay ${price}` })).toBeEnabled();
  await keepScreenshot(page, 'payments-declined');

  await card.fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: `Pay ${price}` }).click();
  // Stripe's return address waits for the webhook, then goes on by itself.
  await expect(page.locator('#booking-status')).toHaveText('Confirmed');
  await expectAccessible(page);
  await keepScreenshot(page, 'payments-confirmed');
  // The learner's receipt, printable.
  await page.getByRole('link', { name: 'Receipt', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Receipt');
  await expect(page.locator('#receipt-paid')).toHaveText(price);
  await expect(page.locator('#receipt-kept')).toHaveText(price);
  await expectAccessible(page);
  await keepScreenshot(page, 'payments-receipt');
  expect(problems).toEqual([]);

  // An operator finds the payment in the ledger's trial balance, balanced; on a phone too.
  const ops = await (await browser.newContext()).newPage();
  const opsProblems = watchForBreakage(ops);
  await logIn(ops, 'admin@demo.mentora.test');
  await ops.getByRole('link', { name: 'Payments' }).click();
  await expect(ops.getByRole('heading', { level: 1 })).toHaveText('Payments');
  const eur = ops.getByRole('region', { name: 'EUR' });
  await expect(eur).toContainText('Balanced: the accounts add up to zero.');
  await expect(eur.getByRole('row').filter({ hasText: 'platform:cash' })).toBeVisible();
  await expectAccessible(ops);
  await keepScreenshot(ops, 'payments-ledger');
  await ops.setViewportSize({ width: 390, height: 844 });
  const overflow = await ops.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await keepScreenshot(ops, 'payments-ledger-390');
  expect(opsProblems).toEqual([]);
});

test('the Stripe checkout fits a 390 px phone and reads right to left in Arabic', async ({ page }) => {
  test.slow();
  const problems = watchForBreakage(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, 'learner@demo.mentora.test');
  await page.context().addCookies([{ name: 'mentora_locale', value: 'ar', url: stripeUrl() }]);
  await page.goto(stripeUrl() + '/experts?q=Bruno');
  await page.locator('a[href^="/experts/"]').filter({ hasText: 'Bruno' }).first().click();
  // A later time than the other test's, which may run at once.
  await page.locator('button.slot-button').nth(4).click();
  await page.locator('form[action$="/book"] button[type="submit"]').click();
  await expect(page.locator('#payment-element input')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await keepScreenshot(page, 'payments-checkout-ar-390');
  expect(problems).toEqual([]);
});
