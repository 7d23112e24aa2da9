// Journey 1 (second part): two-step verification with an authenticator app, and passkeys
// through Chromium's virtual authenticator — enrol, log out, log back in with them.
import { expect, test, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, keepScreenshot, watchForBreakage } from './support';
import { totp } from './totp';

const password = 'a long enough passphrase';

/** Signs up through the form, and confirms the address with the link an administrator
 *  reads from the dev outbox (through the API, to keep this journey short). */
async function newVerifiedAccount(page: Page, name: string): Promise<string> {
  const email = `${name.toLowerCase()}-${Date.now()}@example.org`;
  await page.goto(baseUrl() + '/signup');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  // The time zone was filled in from the browser.
  await expect(page.getByLabel('Time zone')).not.toHaveValue('');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');

  const api = page.request;
  const login = await api.post(baseUrl() + '/api/v1/auth/login', {
    data: { email: 'admin@demo.mentora.test', password: 'mentora-demo-pass' },
  });
  const { access_token } = await login.json();
  const outbox = await api.get(baseUrl() + '/api/v1/admin/outbox', {
    headers: { authorization: `Bearer ${access_token}` },
  });
  const { messages } = await outbox.json();
  const mail = messages.find((m: { to: string }) => m.to === email);
  const link = mail.text.match(/\/verify-email\?token=\S+/)[0];
  await page.goto(baseUrl() + link);
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your email address is confirmed');
  return email;
}

async function logInWithPassword(page: Page, email: string): Promise<void> {
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

test('enrol an authenticator app, log out, log in with a code', async ({ page }) => {
  const problems = watchForBreakage(page);
  const email = await newVerifiedAccount(page, 'Tomas');
  await logInWithPassword(page, email);
  await page.getByRole('link', { name: 'Signed in as Tomas' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Security');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up your authenticator app');
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'totp-enrol');
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  const now = Date.now() / 1000;
  await page.getByLabel('Code from your app').fill(totp(secret, now));
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your recovery codes');
  await expect(page.locator('.recovery-codes li')).toHaveCount(10);
  await expectAccessible(page);
  await keepScreenshot(page, 'recovery-codes');
  await page.getByRole('link', { name: 'I have saved them' }).click();
  await expect(page.getByRole('heading', { name: 'Authenticator app' })).toBeVisible();
  await expect(page.getByText('10 unused recovery codes left.')).toBeVisible();

  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await logInWithPassword(page, email);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-step verification');
  await expectAccessible(page);
  await page.getByLabel('Authentication code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toContainText('That code is not right');
  // The enrolment used this period's code; an app shows the next one 30 seconds later.
  await page.getByLabel('Authentication code').fill(totp(secret, now + 30));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('Signed in as Tomas')).toBeVisible();
  await keepScreenshot(page, 'signed-in-with-totp');
  expect(problems).toEqual([]);
});

test('add a passkey, log out, log in with it and no password', async ({ page }) => {
  const problems = watchForBreakage(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  const email = await newVerifiedAccount(page, 'Paula');
  await logInWithPassword(page, email);
  await page.goto(baseUrl() + '/account/security');
  await page.getByLabel('Name for this passkey').fill('Laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByRole('list', { name: 'Passkeys' }).getByText('Laptop')).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'passkey-added');

  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await page.goto(baseUrl() + '/login');
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(page.getByText('Signed in as Paula')).toBeVisible();
  await keepScreenshot(page, 'signed-in-with-passkey');

  // The passkey also stands in as the second step after a password.
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await logInWithPassword(page, email);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-step verification');
  await page.getByRole('button', { name: 'Use a passkey instead' }).click();
  await expect(page.getByText('Signed in as Paula')).toBeVisible();

  await page.goto(baseUrl() + '/account/security');
  await expect(page.getByRole('list', { name: 'Passkeys' }).getByText('last used')).toBeVisible();
  expect(problems).toEqual([]);
});

test('profile: preferences, photo and an inline error', async ({ page }) => {
  const problems = watchForBreakage(page);
  const email = await newVerifiedAccount(page, 'Femi');
  await logInWithPassword(page, email);
  await page.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
  await expectAccessible(page);
  await page.getByLabel('Time zone').fill('Africa/Lagos');
  await page.getByLabel('Currency').fill('NGN');
  await page.getByLabel('Languages you speak').fill('yo, en');
  await page.getByLabel('Learning goals').fill('Data engineering with Rust');
  await page.getByLabel('Preferred session length').selectOption('45');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('status')).toHaveText('Your profile is saved.');
  await expect(page.getByLabel('Time zone')).toHaveValue('Africa/Lagos');

  await page.getByLabel('Time zone').fill('Lagos');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByLabel('Time zone')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a time zone from the IANA database').first()).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'profile-error');

  // A 1×1 PNG becomes a 256×256 photo.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  await page.getByLabel('Photo file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Upload photo' }).click();
  await expect(page.getByRole('status')).toHaveText('Your photo is updated.');
  const photo = page.getByRole('img', { name: 'Your current photo' });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(256);
  await keepScreenshot(page, 'profile-saved');
  expect(problems).toEqual([]);
});

test('operators grant a role and read the audit log', async ({ page }) => {
  const email = await newVerifiedAccount(page, 'Omar');
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill('admin@demo.mentora.test');
  await page.getByLabel('Password').fill('mentora-demo-pass');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByLabel('Email or name').fill(email);
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row').filter({ hasText: email });
  await row.getByRole('button', { name: /^Make expert/ }).click();
  // Asked first, by name and address, with what the role allows; leaving things be is primary.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Give Omar the role “Expert”?');
  await expect(page.getByText(`Omar (${email}) gets the role “Expert” at once`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Leave the roles as they are' })).toHaveClass(/btn-primary/);
  await expectAccessible(page);
  await keepScreenshot(page, 'admin-role-ask');
  await page.getByRole('button', { name: 'Make expert' }).click();
  await expect(page.getByRole('row').filter({ hasText: email }).getByText('Expert', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'admin-accounts');

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Event').fill('role');
  await page.getByRole('button', { name: 'Filter' }).click();
  // The event in plain words, its code on hover; the person by name and address.
  const granted = page.getByRole('cell', { name: 'Role granted' }).first();
  await expect(granted).toBeVisible();
  await expect(granted.locator('span')).toHaveAttribute('title', 'role.granted');
  await expect(page.getByRole('row').filter({ hasText: 'Role granted' }).first()).toContainText(email);
  await expectAccessible(page);
  await keepScreenshot(page, 'admin-audit');
});
