// Journey 1 (first part): a visitor signs up, confirms the address from the email (read
// by an administrator in the dev outbox), logs in and out. Every page passes axe.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, keepScreenshot, linkFromOutbox, watchForBreakage } from './support';

const password = 'a long enough passphrase';

async function logIn(page: Page, email: string, secret: string): Promise<void> {
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Log in' }).click();
}


test('sign up, confirm the email from the outbox, log in and out', async ({ page, browser }) => {
  const problems = watchForBreakage(page);
  const email = `learner-${Date.now()}@example.org`;

  await page.goto(baseUrl() + '/');
  await page.getByRole('link', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create your account');
  await expectAccessible(page);
  await page.getByLabel('Your name').fill('Mina Learner');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');
  await expectAccessible(page);

  const link = await linkFromOutbox(browser, email);
  await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your email address');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your email address is confirmed');
  await keepScreenshot(page, 'email-confirmed');

  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Signed in as Mina Learner')).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'signed-in');

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(page.getByText('Signed in as')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('mistakes in the sign-up form are explained next to each field', async ({ page }) => {
  await page.goto(baseUrl() + '/signup');
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('alert')).toContainText('Please correct the following:');
  await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
  await expect(page.getByText('Enter an email address like name@example.com.').last()).toBeVisible();
  await expect(page.getByText('Use at least 8 characters.').last()).toBeVisible();
  await expect(page.getByText('Enter your name.').last()).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'signup-errors');
});

test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
  await logIn(page, 'learner@demo.mentora.test', 'not the password');
  await expect(page.getByRole('alert')).toHaveText('The email address or password is not right.');
  await expect(page.getByLabel('Email address')).toHaveValue('learner@demo.mentora.test');
  await expectAccessible(page);
  await keepScreenshot(page, 'login-failed');
});

test('a forgotten password is replaced through an emailed link', async ({ page, browser }) => {
  const email = `forgetful-${Date.now()}@example.org`;
  await page.goto(baseUrl() + '/signup');
  await page.getByLabel('Your name').fill('Fer Forgetful');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await page.goto(baseUrl() + '/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expectAccessible(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status')).toContainText(`If ${email} has a Mentora account`);

  const link = await linkFromOutbox(browser, email, 'reset-password');
  await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password');
  await expectAccessible(page);
  await page.getByLabel('New password', { exact: true }).fill('a fresh new passphrase');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your password has been changed');
  await keepScreenshot(page, 'password-reset');

  await logIn(page, email, 'a fresh new passphrase');
  await expect(page.getByText('Signed in as Fer Forgetful')).toBeVisible();
});

test('the security page lists devices and events, and logs out everywhere', async ({ page }) => {
  await logIn(page, 'learner@demo.mentora.test', 'mentora-demo-pass');
  await page.getByRole('link', { name: 'Signed in as Lena Learner' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Security');
  await expect(page.getByText('This device')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Logged in' }).first()).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'account-security');
  await page.getByRole('button', { name: 'Log out everywhere' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
});

test('a stranger locks the address with wrong passwords; the owner logs in with the emailed link', async ({ page, browser }) => {
  const email = `besieged-${Date.now()}@example.org`;
  await page.goto(baseUrl() + '/signup');
  await page.getByLabel('Your name').fill('Bea Besieged');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();

  // Someone else, elsewhere, guesses.
  const strangers = await browser.newContext();
  const stranger = await strangers.newPage();
  for (let i = 0; i < 5; i++) {
    await logIn(stranger, email, `guess number ${i}`);
    await expect(stranger.getByRole('alert')).toBeVisible();
  }
  await strangers.close();

  // The owner, on a device never used for this account: the password is not enough now,
  // and the page says what to do instead.
  await logIn(page, email, password);
  await expect(page.getByRole('alert')).toContainText('one-time sign-in link');
  await expectAccessible(page);
  await keepScreenshot(page, 'login-locked');

  const link = await linkFromOutbox(browser, email, 'login/link');
  await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in with your link');
  await expectAccessible(page);
  await keepScreenshot(page, 'sign-in-link');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Signed in as Bea Besieged')).toBeVisible();
});
