// Journey: a visitor lands on the home page, learns what Mentora is, and reads it in
// their language — English, Spanish, or Arabic laid out right to left.
import { expect, test } from '@playwright/test';
import { baseUrl, expectAccessible, keepScreenshot, watchForBreakage } from './support';

test('the home page explains Mentora and passes axe', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto(baseUrl() + '/');
  await expect(page).toHaveTitle(/Mentora/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learn faster with an expert who has done it before.');
  await expect(page.getByRole('heading', { name: 'For learners' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'For experts' })).toBeVisible();
  // The stylesheet and htmx loaded under the strict CSP.
  await expect(page.locator('body')).toHaveCSS('display', 'flex');
  expect(await page.evaluate(() => typeof (window as unknown as { htmx?: unknown }).htmx)).toBe('object');
  await expectAccessible(page);
  await keepScreenshot(page, 'home-en');
  expect(problems).toEqual([]);
});

test('keyboard users can skip to the content, with visible focus', async ({ page }) => {
  await page.goto(baseUrl() + '/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});

test('the calls to action lead learners to the directory and experts to the application', async ({ page }) => {
  await page.goto(baseUrl() + '/');
  await page.getByRole('main').getByRole('link', { name: 'Start learning' }).click();
  await expect(page).toHaveURL(/\/experts$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find an expert');
  await expect(page.locator('.expert-card').first()).toBeVisible();
  await page.goto(baseUrl() + '/');
  await page.getByRole('main').getByRole('link', { name: 'Teach on Mentora' }).click();
  // Applying needs an account: log in first, then straight to the application.
  await expect(page).toHaveURL(/\/login\?next=%2Fexperts%2Fapply$/);
});

test('switching to Spanish translates the page and remembers the choice', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto(baseUrl() + '/');
  await page.locator('summary', { hasText: 'Language' }).click();
  await page.getByRole('button', { name: 'Español' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aprende más rápido con un experto que ya lo ha hecho.');
  await expect(page.getByRole('link', { name: 'Saltar al contenido' })).toBeAttached();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expectAccessible(page);
  await keepScreenshot(page, 'home-es');
  expect(problems).toEqual([]);
});

test('Arabic is laid out right to left and passes axe', async ({ page }) => {
  await page.goto(baseUrl() + '/');
  await page.locator('summary', { hasText: 'Language' }).click();
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  // Mirrored: the brand sits at the right edge, the language menu at the left.
  const width = page.viewportSize()?.width ?? 0;
  const brand = await page.locator('a.brand').boundingBox();
  const menu = await page.locator('details.language-menu').boundingBox();
  expect(brand && brand.x > width / 2).toBe(true);
  expect(menu && menu.x < width / 2).toBe(true);
  await expectAccessible(page);
  await keepScreenshot(page, 'home-ar');
});

test('dark mode keeps contrast', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(baseUrl() + '/');
  const background = await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await expectAccessible(page);
  await keepScreenshot(page, 'home-dark');
});

test('at 360 px wide nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(baseUrl() + '/');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await keepScreenshot(page, 'home-360');
});

test('a missing page shows the request id inside the shell', async ({ page }) => {
  const response = await page.goto(baseUrl() + '/no/such/page');
  expect(response?.status()).toBe(404);
  const id = response?.headers()['x-request-id'] ?? '';
  expect(id).not.toBe('');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByText(`Request id: ${id}.`)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'not-found');
});

test('German reads through the home page and the directory, on a desktop and a phone', async ({ page }) => {
  const problems = watchForBreakage(page);
  await page.goto(baseUrl() + '/');
  await page.locator('summary', { hasText: 'Language' }).click();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lernen Sie schneller mit einem Experten, der es selbst schon geschafft hat.');
  await expectAccessible(page);
  await keepScreenshot(page, 'home-de');
  // German words are long: nothing may push the page wider than a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/', '/experts']) {
    await page.goto(baseUrl() + path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
  await keepScreenshot(page, 'experts-de-390');
  expect(problems).toEqual([]);
});
