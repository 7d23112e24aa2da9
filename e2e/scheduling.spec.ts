// Journeys 3 and 4 (scheduling): an expert sets their hours in their own zone and sees the
// next two weeks as learners will; a learner sees free times in their own zone, switches
// zone and week, reads a clock-change note, and picks a time with the keyboard. Every page
// passes axe.
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

test('an expert sets weekly hours, is told what is wrong, and previews what learners see', async ({ page }) => {
  // A long journey with five axe scans of the largest page: on a busy two-core machine it
  // needs more than the default 30 s.
  test.slow();
  const problems = watchForBreakage(page);
  // Diego Ramírez works in America/Los_Angeles.
  await logIn(page, 'expert30@demo.mentora.test');
  await page.getByRole('link', { name: 'Availability' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your availability');
  await expect(page.getByLabel('Your time zone')).toHaveValue('America/Los_Angeles');
  await expectAccessible(page);

  // Diego works Tuesday to Saturday: Monday is switched off, its hours hidden.
  const monday = page.getByRole('group', { name: 'Monday', exact: true });
  await expect(page.getByLabel('Monday, interval 1, From')).toBeHidden();
  await monday.getByRole('switch', { name: 'Bookable (Monday)' }).check();
  // Switched on, it offers the usual hours.
  await expect(page.getByLabel('Monday, interval 1, From')).toHaveValue('09:00');

  // An end before its start.
  await page.getByLabel('Monday, interval 1, From').fill('15:00');
  await page.getByLabel('Monday, interval 1, To').fill('13:00');
  await page.getByLabel('Free time after each session (minutes)').fill('500');
  await page.getByRole('button', { name: 'Save availability' }).click();
  const summary = page.getByRole('alert');
  // The problem names the day, the interval and its times.
  await expect(summary).toContainText(/Monday, interval 1 \(3:00\sPM–1:00\sPM\): the end must be after the start\./);
  await expect(summary).toContainText('Buffers are whole minutes from 0 to 240.');
  // What was typed is still there, marked invalid.
  await expect(page.getByLabel('Monday, interval 1, To')).toHaveValue('13:00');
  await expect(page.getByLabel('Monday, interval 1, To')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await keepScreenshot(page, 'availability-errors');

  // The summary link takes the keyboard to the day in question.
  await summary.getByRole('link', { name: /^Monday, interval 1/ }).click();
  await expect(page).toHaveURL(/#weekly\.mon$/);
  await page.getByLabel('Monday, interval 1, To').fill('18:00');
  await page.getByLabel('Free time after each session (minutes)').fill('15');

  // "Add an interval" puts one after the day's last, with the focus in it; nothing is
  // saved until "Save availability".
  await monday.getByRole('button', { name: 'Add an interval (Monday)' }).click();
  await expect(page.getByLabel('Monday, interval 2, From')).toBeFocused();
  await expect(page.getByLabel('Monday, interval 2, From')).toHaveValue('18:00');
  await expect(page.getByLabel('Monday, interval 2, To')).toHaveValue('19:00');
  await expect(page.locator('#weekly-hours [role="status"]')).toHaveText(/not saved yet/);
  // What was typed outside the weekly hours is untouched.
  await expect(page.getByLabel('Free time after each session (minutes)')).toHaveValue('15');
  await keepScreenshot(page, 'availability-interval-added');
  // And "Remove" takes it away again, the focus back on "Add".
  await page.getByRole('button', { name: 'Remove Monday, interval 2' }).click();
  await expect(page.getByLabel('Monday, interval 2, From')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add an interval (Monday)' })).toBeFocused();

  // Monday's hours copied to Wednesday and Friday (and not Thursday).
  await page.getByText('Copy to other days (Monday)').click();
  const copyTo = page.getByRole('group', { name: 'Copy the hours of Monday to' });
  await copyTo.getByLabel('Wednesday').check();
  await copyTo.getByLabel('Friday').check();
  await copyTo.getByRole('button', { name: 'Copy the hours of Monday' }).click();
  await expect(page.getByLabel('Wednesday, interval 1, From')).toHaveValue('15:00');
  await expect(page.getByLabel('Wednesday, interval 2, From')).toHaveCount(0);
  await expect(page.getByLabel('Friday, interval 1, To')).toHaveValue('18:00');
  await expect(page.getByLabel('Thursday, interval 1, From')).toHaveValue('08:00');
  await expectAccessible(page);

  // Saturday off.
  await page.getByRole('switch', { name: 'Bookable (Saturday)' }).uncheck();
  await expect(page.getByLabel('Saturday, interval 1, From')).toBeHidden();
  // Enter in a field saves (it does not press the first "Remove").
  await page.getByLabel('Wednesday, interval 1, To').press('Enter');
  await expect(page.getByRole('status')).toHaveText('Availability saved. Learners see the change right away.');
  await expect(page.getByRole('switch', { name: 'Bookable (Saturday)' })).not.toBeChecked();
  await expect(page.getByLabel('Wednesday, interval 1, To')).toHaveValue('18:00');

  // The preview lists Mondays from 15:00 (30-minute sessions, 30-minute steps, 15 minutes after).
  const preview = page.locator('#preview');
  const mondayPreview = preview.locator('.preview-day', { hasText: 'Mon,' }).first();
  await expect(mondayPreview.locator('dd')).toHaveText(/^3:00\sPM, 3:30\sPM, 4:00\sPM, 4:30\sPM, 5:00\sPM, 5:30\sPM/);
  await expectAccessible(page);
  await keepScreenshot(page, 'availability-saved');

  // The calendar: pick a date, give it other hours, and see it marked.
  const day = page.locator('a.calendar-day').nth(3);
  const date = ((await day.getAttribute('href')) ?? '').match(/override=([\d-]+)/)?.[1] ?? '';
  await day.click();
  await expect(page).toHaveURL(new RegExp(`override=${date}#overrides$`));
  await expect(page.getByLabel('Date', { exact: true }).first()).toHaveValue(date);
  await page.getByLabel('Hours that day', { exact: true }).first().fill('06:00-07:00');
  await page.getByRole('button', { name: 'Save availability' }).click();
  await expect(page.getByRole('status')).toHaveText('Availability saved. Learners see the change right away.');
  // The day is named as English writes it ("Tue, Dec 8, 2026"), not by its ISO date.
  const named = new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  await expect(page.locator(`a.calendar-day[href*="override=${date}"]`)).toHaveAccessibleName(`${named}: Other hours. Set other hours for this date.`);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test('a learner sees free times in their own zone, switches zone and week, and picks one by keyboard', async ({ browser }) => {
  // A long journey (month, zones by city, a wrong zone, a phone's width, the keyboard):
  // about 20 s on an idle machine, past 30 s on a busy one.
  test.slow();
  // A visitor in Kolkata, not signed in: the page learns the zone from the browser.
  const context = await browser.newContext({ timezoneId: 'Asia/Kolkata', locale: 'en-IN' });
  const page = await context.newPage();
  const problems = watchForBreakage(page);
  await page.goto(baseUrl() + '/experts?q=Chloé');
  await page.getByRole('link', { name: 'Chloé Martin' }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Book a session' })).toBeVisible();
  // Chromium reports the legacy alias Asia/Calcutta; the page shows the canonical name.
  await expect(page).toHaveURL(/[?&]tz=Asia%2F(Calcutta|Kolkata)/);
  await expect(page.getByLabel('Times shown in')).toHaveValue('Asia/Kolkata');
  await expect(page.getByText('The expert works in Europe/Paris.')).toBeVisible();
  const first = page.getByRole('button', { name: /\(Asia\/Kolkata\), 30 minutes$/ }).first();
  await expect(first).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'slot-picker-kolkata');

  // Switch to New York and 60-minute sessions, from the keyboard.
  await page.getByLabel('Session length').selectOption('60');
  // The change applies at once.
  await expect(page).toHaveURL(/duration=60/);
  const zone = page.getByLabel('Times shown in');
  await zone.fill('America/New_York');
  await zone.press('Enter');
  await expect(page).toHaveURL(/tz=America%2FNew_York/);
  const slot = page.getByRole('button', { name: /\(America\/New_York\), 60 minutes$/ }).first();
  await expect(slot).toBeVisible();
  const label = (await slot.getAttribute('aria-label')) ?? '';
  const time = (await slot.textContent())?.trim() ?? '';
  expect(label).toMatch(/^\w{3}, \w{3} \d{1,2}, \d{1,2}:\d{2}\s[AP]M \(America\/New_York\), 60 minutes$/);
  expect(label).toContain(time);
  // The chosen length and its price stay in sight; times are grouped by part of the day.
  await expect(page.locator('#chosen-rate')).toContainText(/Your session: 60 minutes · €\d+\.\d\d/);
  await expect(page.locator('.day-part').first()).toHaveText(/^(Morning|Afternoon|Evening)$/);

  // Everything below swaps in place (no reload): a zone by its city keeps the week. Next
  // week's, since this week starts today, and today may already be tomorrow in Tokyo (from
  // 15:00 UTC on, for a New York viewer): a day that is past there cannot be shown.
  const thisWeek = await page.locator('#week-range').textContent();
  await page.getByRole('link', { name: 'Next week' }).click();
  await expect(page.locator('#week-range')).not.toHaveText(thisWeek ?? '');
  await page.evaluate(() => ((window as unknown as { kept: number }).kept = 1));
  const week = await page.locator('#week-range').textContent();
  await zone.fill('Tokyo');
  await zone.press('Enter');
  await expect(page).toHaveURL(/tz=Tokyo/);
  await expect(page.getByLabel('Times shown in')).toHaveValue('Asia/Tokyo');
  await expect(page.locator('#week-range')).toHaveText(week ?? '');
  // A name nobody knows is said so beside the field.
  await page.getByLabel('Times shown in').fill('Atlantis');
  await page.getByLabel('Times shown in').press('Enter');
  await expect(page.locator('#tz-error')).toHaveText('“Atlantis” is not a city or time zone we know: pick one from the list.');
  await expect(page.getByLabel('Times shown in')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await zone.fill('America/New_York');
  await zone.press('Enter');
  await expect(page.getByLabel('Times shown in')).not.toHaveAttribute('aria-invalid', 'true');

  // The month marks days with free times; choosing one shows the week from that day, the
  // focus staying on it.
  const day = page.locator('a.calendar-day.free').nth(2);
  const date = (await day.getAttribute('id'))?.replace('cal-', '') ?? '';
  await day.click();
  await expect(page).toHaveURL(new RegExp(`week=${date}`));
  await expect(page.locator(`#cal-${date}`)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator(`#cal-${date}`)).toBeFocused();
  const firstShown = new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
  await expect(page.locator('#week-range')).toHaveText(new RegExp(`^${firstShown} to `));
  expect(await page.evaluate(() => (window as unknown as { kept?: number }).kept)).toBe(1);
  await expectAccessible(page);
  await keepScreenshot(page, 'slot-picker-month');
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await keepScreenshot(page, 'slot-picker-phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The next week, and a week with a clock change in the expert's zone (Paris, 28 March 2027).
  const range = await page.locator('#week-range').textContent();
  await page.getByRole('link', { name: 'Next week' }).click();
  await expect(page.locator('#week-range')).not.toHaveText(range ?? '');
  await page.goto(baseUrl() + new URL(page.url()).pathname + '?tz=America/New_York&week=2027-03-24');
  await expect(page.getByRole('note')).toContainText('Clocks change in Europe/Paris on Sun, Mar 28: UTC+01:00 becomes UTC+02:00.');
  await expectAccessible(page);
  await keepScreenshot(page, 'slot-picker-clock-change');

  // From tomorrow's week, "Previous week" leads to the first week, which has none: the
  // focus goes to the week shown, not to the top of the page.
  // Today as the server sees it in New York: the first week's first day.
  const profilePath = new URL(page.url()).pathname;
  await page.goto(baseUrl() + profilePath + '?tz=America/New_York&duration=60');
  const today = (await page.locator('input[name="week"]').getAttribute('value')) ?? '';
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  await page.goto(baseUrl() + profilePath + `?tz=America/New_York&duration=60&week=${tomorrow}`);
  await page.getByRole('link', { name: 'Previous week' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`week=${today}`));
  await expect(page.getByRole('link', { name: 'Previous week' })).toHaveCount(0);
  await expect(page.locator('#week-range')).toBeFocused();

  // Back at now: pick a time with the keyboard alone.
  const pick = page.getByRole('button', { name: /\(America\/New_York\), 60 minutes$/ }).first();
  await pick.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your session');
  await expect(page.locator('#your-time')).toContainText('(America/New_York)');
  await expect(page.locator('#expert-time')).toContainText('(Europe/Paris)');
  await expectAccessible(page);
  await keepScreenshot(page, 'slot-chosen');
  expect(problems).toEqual([]);
  await context.close();
});
