// Journey 2: a learner applies as an expert with a document, a verifier asks for changes,
// the expert edits and resubmits, the verifier approves, the expert sets up payouts in the
// test-mode sandbox, and the profile appears in the directory and in a text search.
// Every page passes axe.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, keepScreenshot, watchForBreakage } from './support';

const demoPassword = 'mentora-demo-pass';
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('form[action="/logout"]')).toBeAttached();
}

/** A verifier, in a browser of their own, records a decision on Lena's application. */
async function decide(browser: Browser, decision: string, reason: string, shot: string): Promise<void> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await logIn(admin, 'admin@demo.mentora.test');
  await admin.getByRole('link', { name: 'Verification' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Expert verification');
  await expectAccessible(admin);
  await admin.getByRole('link', { name: 'Lena Learner', exact: true }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Lena Learner');
  await expect(admin.getByRole('link', { name: 'passport.pdf' })).toBeVisible();
  await admin.getByLabel(decision).check();
  await admin.getByLabel('Reason (the applicant sees it and gets it by email)').fill(reason);
  await expectAccessible(admin);
  await keepScreenshot(admin, shot);
  await admin.getByRole('button', { name: 'Record decision' }).click();
  await expect(admin.getByRole('status')).toHaveText('The decision is recorded and the applicant is emailed.');
  await context.close();
}

test('apply, get changes requested, resubmit, get approved, set up payouts, be found', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const problems = watchForBreakage(page);
  await logIn(page, 'learner@demo.mentora.test');
  await page.getByRole('banner').getByRole('link', { name: 'Teach on Mentora' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your expert application');
  await expectAccessible(page);

  // Mistakes are explained next to their fields, and what was typed stays.
  await page.getByLabel('Headline').fill('Kubernetes coach');
  await page.getByLabel('60 minutes').fill('-5');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a price above zero.');
  await expect(page.getByLabel('60 minutes')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Headline')).toHaveValue('Kubernetes coach');
  await expectAccessible(page);

  await page.getByLabel('About you').fill('I run **Kubernetes** clusters for a living.\n\n- reviews\n- pairing');
  await page.getByLabel('Rust', { exact: true }).check();
  await page.getByLabel('DevOps and cloud').check();
  await page.getByLabel('Languages you teach in').fill('en, es');
  await page.getByLabel('Currency').fill('EUR');
  await page.getByLabel('60 minutes').fill('55');
  await page.getByLabel('30 minutes').fill('30');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status')).toHaveText('Your application is saved.');

  // A document, checked by its content; then the application goes for review.
  await page.getByLabel('Kind').selectOption('identity');
  await page.getByLabel('File').setInputFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.getByRole('status')).toHaveText('Your document is uploaded.');
  await expect(page.getByRole('link', { name: 'passport.pdf' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '1 KB' })).toBeVisible();
  await keepScreenshot(page, 'expert-application-draft');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.locator('#application-status')).toHaveText('Submitted: a verifier will review it.');
  await expectAccessible(page);

  await decide(browser, 'Request changes', 'Please name the cloud providers you work with.', 'admin-expert-review');
  await page.reload();
  await expect(page.locator('#application-status')).toHaveText('Changes requested: edit your application and submit it again.');
  await expect(page.locator('#decision-reason')).toHaveText('Please name the cloud providers you work with.');
  await page.getByLabel('Headline').fill('Kubernetes coach for AWS and GCP teams');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('status')).toHaveText('Your application is saved.');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.locator('#application-status')).toHaveText('Submitted: a verifier will review it.');

  await decide(browser, 'Approve', 'Identity and experience checked.', 'admin-expert-approve');
  await page.reload();
  await expect(page.locator('#application-status')).toHaveText('Approved');
  await expect(page.getByText('Verified since')).toBeVisible();

  // Payouts in the labelled sandbox.
  await page.getByRole('button', { name: 'Set up payouts' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up payouts (test mode)');
  await expect(page.getByText('Test mode.')).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'payouts-sandbox');
  await page.getByRole('button', { name: 'Finish test onboarding' }).click();
  await expect(page.locator('#payouts-state')).toHaveText('Payouts are set up: learners can book you.');
  await expectAccessible(page);

  // Found in the directory by text, and the profile opens.
  await page.getByRole('banner').getByRole('link', { name: 'Find an expert' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find an expert');
  await expectAccessible(page);
  await page.getByLabel('Search by name, topic or skill').fill('kubernetes aws');
  await page.getByRole('button', { name: 'Show experts' }).click();
  await expect(page.getByRole('link', { name: 'Lena Learner', exact: true })).toBeVisible();
  await expect(page.locator('.expert-card')).toHaveCount(1);
  await keepScreenshot(page, 'directory-search');
  await page.getByRole('link', { name: 'Lena Learner', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lena Learner');
  await expect(page.getByText('Kubernetes coach for AWS and GCP teams').first()).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/experts\/lena-learner-/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd['@type']).toBe('Person');
  expect(jsonLd.makesOffer[0].priceCurrency).toBe('EUR');
  await expectAccessible(page);
  await keepScreenshot(page, 'expert-profile');
  expect(problems).toEqual([]);
});

test('the directory filters in place without reloading and works from a shared URL', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto(baseUrl() + '/experts?specialty=python&currency=USD');
  await expect(page.locator('.expert-card')).toHaveCount(2);
  await expectAccessible(page);
  await keepScreenshot(page, 'directory');
  // htmx swaps the results when a filter changes, and the URL follows.
  await page.getByLabel('Specialty').selectOption('guitar');
  await expect(page).toHaveURL(/specialty=guitar/);
  await expect(page.getByRole('link', { name: 'Liam O\'Brien' })).toBeVisible();
  // Languages go by name, in themselves or in English, as the list suggests.
  await expect(page.locator('#language-names option[value="Gaeilge"]')).toHaveCount(1);
  await page.getByLabel('Language they speak').fill('Irish');
  await page.getByRole('button', { name: 'Show experts' }).click();
  await expect(page).toHaveURL(/language=Irish/);
  await expect(page.getByRole('link', { name: 'Liam O\'Brien' })).toBeVisible();
  await expect(page.locator('.expert-card')).toHaveCount(1);
  await page.getByLabel('Language they speak').fill('Klingon');
  await page.getByRole('button', { name: 'Show experts' }).click();
  await expect(page.getByText('Choose a language from the list, by its name (Español) or in English (Spanish).')).toBeVisible();
  expect(problems).toEqual([]);
});
