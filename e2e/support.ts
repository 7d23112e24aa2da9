// Shared checks for every browser test.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const baseUrl = (): string => {
  const url = process.env.BASE_URL;
  if (!url) throw new Error('BASE_URL is not set: global-setup did not run');
  return url;
};

/** What axe-core finds with the WCAG 2.0/2.1/2.2 A and AA rules, one line per rule. */
export async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** axe-core with the WCAG 2.0/2.1/2.2 A and AA rules: zero violations is the bar. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeFindings(page)).toEqual([]);
}

/** Keeps a full-page screenshot as a test artefact under e2e/artifacts/. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(__dirname, 'artifacts');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/**
 * Collects Content-Security-Policy violations, script errors and failed requests. A 4xx
 * answer to a form (a wrong code, an invalid field) is the page working, and each test
 * asserts it where it expects it, so only those are left out.
 */
export function watchForBreakage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    const expectedRefusal = /Failed to load resource: the server responded with a status of 4\d\d/;
    if (msg.type() === 'error' && !expectedRefusal.test(msg.text())) problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return problems;
}

/** An administrator opens the outbox in their own browser and returns the link sent to `to`. */
export async function linkFromOutbox(browser: Browser, to: string, path = 'verify-email'): Promise<string> {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await admin.goto(baseUrl() + '/login');
  await admin.getByLabel('Email address').fill('admin@demo.mentora.test');
  await admin.getByLabel('Password').fill('mentora-demo-pass');
  await admin.getByRole('button', { name: 'Log in' }).click();
  await admin.getByRole('link', { name: 'Outbox' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Outbox');
  const message = admin.getByRole('article').filter({ hasText: to }).first();
  const body = await message.locator('pre').innerText();
  await expectAccessible(admin);
  await keepScreenshot(admin, 'admin-outbox');
  await context.close();
  const link = body.match(new RegExp(`https?://\\S+/${path}\\?token=\\S+`));
  if (!link) throw new Error(`no link in: ${body}`);
  return link[0];
}
