// A developer reads the API at /api/docs (Swagger UI from our own assets, under the
// site's strict CSP), logs in from the page, authorises with the token and reads their
// own account; on a desktop and a 390 px phone, and inside the Arabic page.
import { expect, test, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, keepScreenshot, watchForBreakage } from './support';

/** Collects every CSP violation the page reports (console errors catch most; this is exact). */
async function watchForCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** Expands an operation, presses "Try it out", optionally types a body, and executes it. */
async function tryOperation(page: Page, id: string, body?: string): Promise<ReturnType<Page['locator']>> {
  const operation = page.locator(`#${id}`);
  await operation.locator('.opblock-summary').first().click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  if (body !== undefined) await operation.locator('textarea.body-param__text').fill(body);
  await operation.getByRole('button', { name: 'Execute' }).click();
  return operation.locator('.live-responses-table');
}

test('a developer logs in and reads their account from the API docs', async ({ page }) => {
  // Swagger UI renders the whole document (now with the payouts operations) and axe scans
  // it: over 30 s on a busy two-core machine.
  test.slow();
  const problems = watchForBreakage(page);
  const violations = await watchForCspViolations(page);
  await page.goto(baseUrl() + '/api/docs');
  await expect(page.getByRole('heading', { level: 1, name: 'Mentora API' })).toBeVisible();
  // Swagger UI rendered the document: every tag, and the operations under it. Rendering
  // the whole document takes seconds on a busy machine: waited for longer than a click.
  const rendered = { timeout: 20_000 };
  for (const tag of ['accounts', 'experts', 'scheduling', 'bookings', 'admin']) {
    await expect(page.locator(`#operations-tag-${tag.replace(' ', '_')}`)).toBeVisible(rendered);
  }
  await expect(page.locator('#operations-bookings-hold_slot')).toContainText('/api/v1/bookings');
  await expectAccessible(page);
  await keepScreenshot(page, 'api-docs');

  const login = await tryOperation(
    page,
    'operations-accounts-log_in',
    JSON.stringify({ email: 'learner@demo.mentora.test', password: 'mentora-demo-pass' }),
  );
  await expect(login.locator('tbody .response-col_status').first()).toHaveText('200');
  const answer = await login.locator('.response-col_description pre').first().innerText();
  const token = JSON.parse(answer).access_token as string;
  expect(token.split('.')).toHaveLength(3);

  await page.getByRole('button', { name: 'Authorize' }).first().click();
  const dialog = page.locator('.modal-ux');
  await dialog.locator('input[type=text], input[type=password]').first().fill(token);
  await dialog.getByRole('button', { name: 'Apply credentials' }).click();
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  const me = await tryOperation(page, 'operations-accounts-get_me');
  await expect(me.locator('tbody .response-col_status').first()).toHaveText('200');
  await expect(me.locator('.response-col_description pre').first()).toContainText('learner@demo.mentora.test');
  await keepScreenshot(page, 'api-docs-tried');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.locator('#operations-tag-accounts')).toBeVisible(rendered);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await keepScreenshot(page, 'api-docs-390');
  expect(await violations()).toEqual([]);
  expect(problems).toEqual([]);
});

test('the API docs sit in the Arabic page, the reference left to right', async ({ page }) => {
  // Swagger UI renders the whole document here too, and axe scans it: 41.8 s once on a
  // busy two-core machine, as the journey above.
  test.slow();
  const violations = await watchForCspViolations(page);
  await page.goto(baseUrl() + '/api/docs');
  await page.locator('summary', { hasText: 'Language' }).click();
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page).toHaveURL(/\/api\/docs$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('واجهة برمجة منتورا');
  await expect(page.locator('#swagger-ui')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('#operations-tag-bookings')).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page);
  await keepScreenshot(page, 'api-docs-ar');
  expect(await violations()).toEqual([]);
});
