// An operator reads the job queue: background work (releasing lapsed holds, emails, upkeep)
// shows by kind and state, on a desktop and on a 390 px phone, in English and Arabic.
import { expect, test, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, keepScreenshot, watchForBreakage } from './support';

async function logInAsAdmin(page: Page): Promise<void> {
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill('admin@demo.mentora.test');
  await page.getByLabel('Password').fill('mentora-demo-pass');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('link', { name: 'Jobs' })).toBeVisible();
}

test('an operator finds the jobs that ran, on a desktop and a phone', async ({ page }) => {
  // Three axe passes over a list of up to a hundred jobs, two widths and a wait for the
  // workers' next run: past 30 s when the other worker's journeys load the machine.
  test.slow();
  const problems = watchForBreakage(page);
  await logInAsAdmin(page);
  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jobs');
  await expectAccessible(page);

  // The server's workers release lapsed holds every half minute from the start: that job
  // is listed under "Done" once it has run (the list is read again until it shows).
  await page.getByRole('navigation', { name: 'Show jobs' }).getByRole('link', { name: 'Done' }).click();
  await expect(page).toHaveURL(/status=succeeded/);
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole('article').filter({ hasText: 'hold_expiry' }).count();
    })
    .toBeGreaterThan(0);
  const job = page.getByRole('article').filter({ hasText: 'hold_expiry' }).first();
  await expect(job).toContainText('Done');
  await expect(job).toContainText('1 / 3');
  await expectAccessible(page);
  await keepScreenshot(page, 'admin-jobs');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await keepScreenshot(page, 'admin-jobs-390');
  expect(problems).toEqual([]);
});

test('the jobs page reads right to left in Arabic', async ({ page }) => {
  await logInAsAdmin(page);
  await page.goto(baseUrl() + '/admin/jobs?status=succeeded');
  await page.locator('summary', { hasText: 'Language' }).click();
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page).toHaveURL(/\/admin\/jobs\?status=succeeded/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('المهام في الخلفية');
  await expectAccessible(page);
  await keepScreenshot(page, 'admin-jobs-ar');
});

// Only looked at, not moved: the browser journeys share one server, and moving its time
// would lapse other journeys' holds. Moving it is tested over HTTP in Rust (test_clock.rs).
test('the test clock explains a move it cannot make, next to the field', async ({ page }) => {
  const problems = watchForBreakage(page);
  await logInAsAdmin(page);
  await page.goto(baseUrl() + '/admin/test-clock');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test clock');
  await expect(page.getByRole('button', { name: '11 minutes' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Move forward by').fill('tomorrow');
  await page.getByRole('button', { name: 'Move the clock' }).click();
  await expect(page.getByLabel('Move forward by')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Move forward by')).toHaveValue('tomorrow');
  await expect(page.locator('#advance_by-error')).toHaveText('Write a length of time such as 90m, 2h 30m or 48h.');
  await expectAccessible(page);
  await keepScreenshot(page, 'admin-test-clock');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await keepScreenshot(page, 'admin-test-clock-390');
  expect(problems).toEqual([]);
});
