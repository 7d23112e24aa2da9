// Journey 5 (booking): a learner holds a free time, pays on the labelled test-mode
// checkout, and the booking is confirmed; a second browser watching the same expert no
// longer sees that time; the learner moves it to another free time, finds it under "My
// sessions", sees what a cancellation would refund before confirming, cancels, and the
// refund is shown. Every page passes axe. The same booking is made again with the keyboard
// alone.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, keepScreenshot, linkFromOutbox, watchForBreakage } from './support';

const demoPassword = 'mentora-demo-pass';

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('form[action="/logout"]')).toBeAttached();
}

test('a learner books and pays in test mode, the time disappears for others, and cancelling shows the refund', async ({ browser }) => {
  // Two browsers and six axe scans: more than the default 30 s on a busy two-core machine.
  test.slow();
  const watcherContext = await browser.newContext();
  const watcher = await watcherContext.newPage();
  const learnerContext = await browser.newContext();
  const page = await learnerContext.newPage();
  const problems = watchForBreakage(page);

  // Someone else is looking at Bruno's week (he works in Atlantic/Azores).
  await watcher.goto(baseUrl() + '/experts?q=Bruno');
  await watcher.getByRole('link', { name: 'Bruno Costa' }).first().click();
  const profile = watcher.url().split('#')[0];
  const watchedSlots = watcher.locator('button.slot-button');
  await expect(watchedSlots.first()).toBeVisible();

  await logIn(page, 'learner@demo.mentora.test');
  await page.goto(profile);
  const slot = page.locator('button.slot-button').first();
  const start = (await slot.getAttribute('value')) ?? '';
  expect(start).not.toEqual('');
  await slot.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your session');
  await page.getByLabel('Note for the expert (optional)').fill('Chord changes in a ballad, please.');
  await expectAccessible(page);
  await keepScreenshot(page, 'booking-review');
  await page.getByRole('button', { name: 'Hold this time and pay' }).click();

  // The sandbox checkout says it is test mode and shows how long the time is held.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pay for your session');
  await expect(page.locator('.test-mode')).toContainText('Test mode.');
  await expect(page.locator('#held-until')).not.toBeEmpty();
  await expectAccessible(page);
  await keepScreenshot(page, 'booking-checkout');
  // A declined payment keeps the hold and says so.
  await page.getByRole('button', { name: 'Simulate a declined payment' }).click();
  await expect(page.getByRole('alert')).toContainText('The payment was declined');
  const price = (await page.locator('#checkout-price').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: `Pay ${price} (test)` }).click();

  await expect(page.locator('#booking-status')).toHaveText('Confirmed');
  await expect(page.locator('#timeline li')).toHaveCount(2);
  // Straight from paying: it says so, offers the session to a calendar, and whom to write to.
  await expect(page.getByRole('status').filter({ hasText: 'You’re booked with Bruno Costa.' })).toBeVisible();
  const calendars = page.getByRole('region', { name: 'Add to your calendar' });
  await expect(calendars.getByRole('link', { name: /^Google Calendar/ })).toHaveAttribute('href', /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE/);
  await expect(calendars.getByRole('link', { name: /^Outlook/ })).toHaveAttribute('href', /^https:\/\/outlook\.live\.com\//);
  const download = page.waitForEvent('download');
  await calendars.getByRole('link', { name: 'Calendar file (.ics)' }).click();
  expect((await download).suggestedFilename()).toBe('mentora-session.ics');
  await expect(page.locator('#booking-contact')).toContainText('Questions before the session? Write to Bruno Costa:');
  await expectAccessible(page);
  await keepScreenshot(page, 'booking-confirmed');

  // The other browser, reloading, no longer offers that time.
  await watcher.reload();
  await expect(watchedSlots.first()).toBeVisible();
  await expect(watcher.locator(`button.slot-button[value="${start}"]`)).toHaveCount(0);

  // The learner moves it to another free time; the payment goes with it.
  const when = (await page.locator('#booking-when').textContent()) ?? '';
  // The same week grid as booking, each time a choice; the form's button confirms it.
  const move = page.getByRole('group', { name: /^New time/ });
  const choice = move.getByRole('radio').nth(2);
  const moved = (await choice.getAttribute('value')) ?? '';
  await choice.check();
  await expect(choice).toBeChecked();
  await expectAccessible(page);
  await keepScreenshot(page, 'booking-move-picker');
  await page.getByRole('button', { name: 'Move the session' }).click();
  await expect(page.locator('#booking-status')).toHaveText('Confirmed');
  await expect(page.locator('#booking-when')).not.toHaveText(when);
  await expect(page.locator('#timeline li').nth(2)).toContainText('Moved to another time · by the learner');
  await expect(page.locator('#timeline li').nth(3)).toContainText('Confirmed · by the learner');
  await keepScreenshot(page, 'booking-moved');
  await watcher.reload();
  await expect(watcher.locator(`button.slot-button[value="${start}"]`)).toHaveCount(1);
  await expect(watcher.locator(`button.slot-button[value="${moved}"]`)).toHaveCount(0);

  // My sessions lists it; its page shows the refund before cancelling.
  await page.getByRole('link', { name: 'My sessions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My sessions');
  const row = page.locator('#sessions tbody tr').filter({ hasText: 'Bruno Costa' }).first();
  await expect(row).toContainText('Confirmed');
  await expectAccessible(page);
  await keepScreenshot(page, 'my-sessions');
  await row.locator('a[href^="/bookings/"]').click();
  const refund = page.locator('#cancel-refund');
  // The first free time is soon, so the moderate policy may give back half: the page
  // says which before anything happens.
  await expect(refund).toHaveText(/^If you cancel now, €\d+\.\d{2} is refunded\.$/);
  const promised = ((await refund.textContent()) ?? '').match(/now, (.+) is refunded/)?.[1] ?? '';
  // Cancelling asks first, restating the refund; keeping the session is the primary answer.
  await page.getByRole('button', { name: 'Cancel the session' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cancel this session?');
  await expect(page.getByText(/^Your session with Bruno Costa on .+ is cancelled, for both of you\.$/)).toBeVisible();
  await expect(page.getByText(`If you cancel now, ${promised} is refunded.`)).toBeVisible();
  const keep = page.getByRole('link', { name: 'Keep the session' });
  await expect(keep).toHaveClass(/btn-primary/);
  await expectAccessible(page);
  await keepScreenshot(page, 'booking-cancel-ask');
  await keep.click();
  await expect(page.locator('#booking-status')).toHaveText('Confirmed');
  await page.getByLabel('Reason').fill('My plans changed.');
  await page.getByRole('button', { name: 'Cancel the session' }).click();
  await page.getByRole('button', { name: 'Yes, cancel the session' }).click();
  await expect(page.locator('#booking-status')).toHaveText('Cancelled');
  await expect(page.locator('#booking-refunded')).toHaveText(promised);
  await expect(page.locator('#timeline')).toContainText('My plans changed.');
  await expectAccessible(page);
  await keepScreenshot(page, 'booking-cancelled');

  // The time is free again for everyone.
  await watcher.reload();
  await expect(watcher.locator(`button.slot-button[value="${moved}"]`)).toHaveCount(1);
  expect(problems).toEqual([]);
  await watcherContext.close();
  await learnerContext.close();
});

test('a learner whose address is not confirmed is asked to confirm first, and the chosen time is kept', async ({ page }) => {
  const problems = watchForBreakage(page);
  const email = `unconfirmed-${Date.now()}@example.org`;
  await page.goto(baseUrl() + '/signup');
  await page.getByLabel('Your name').fill('Noor Unconfirmed');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('form[action="/logout"]')).toBeAttached();

  await page.goto(baseUrl() + '/experts?q=Bruno');
  await page.getByRole('link', { name: 'Bruno Costa' }).first().click();
  // The week's last time: the first journey above holds Bruno's first one while this runs.
  await page.locator('button.slot-button').last().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your session');
  const chosen = page.url();
  await expect(page.getByRole('status')).toContainText('Confirm your email address to book');
  await expect(page.getByRole('button', { name: 'Hold this time and pay' })).toHaveCount(0);
  await expectAccessible(page);
  await keepScreenshot(page, 'booking-confirm-address-first');
  expect(page.url()).toEqual(chosen);
  expect(problems).toEqual([]);
});

test('a visitor who picks a time, signs up and confirms the address lands back on that time, held', async ({ page, browser }) => {
  const problems = watchForBreakage(page);
  await page.goto(baseUrl() + '/experts?q=Aiko');
  await page.getByRole('link', { name: 'Aiko Suzuki' }).first().click();
  // The week's last time: other journeys take Aiko's first ones while this runs.
  const slot = page.locator('button.slot-button').last();
  const label = (await slot.getAttribute('aria-label')) ?? '';
  await slot.click();
  const yourTime = (await page.locator('#your-time').textContent()) ?? '';
  const signUp = page.getByRole('link', { name: 'New here? Create an account' });
  const arrival = baseUrl() + (new URL((await signUp.getAttribute('href')) ?? '', baseUrl()).searchParams.get('next') ?? '');
  expect(arrival).toContain('hold=1');
  await signUp.click();

  const email = `newcomer-${Date.now()}@example.org`;
  await page.getByLabel('Your name').fill('Nina Newcomer');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');

  // The link in the email carries the chosen time; confirming leads on to logging in.
  const link = await linkFromOutbox(browser, email);
  expect(link).toContain('&next=%2Fexperts%2F');
  await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl()));
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your email address is confirmed');
  await page.getByRole('link', { name: 'Log in and go back to where you were' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Log in' }).click();

  // Back on that time, and it is held: the checkout, with the time as chosen.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pay for your session');
  await expect(page).toHaveURL(/\/bookings\/[0-9a-f-]+\/checkout$/);
  // "Fri, Dec 11, 2026, 10:00 PM (UTC)": the day and the time as English writes them.
  const [, day, time] = yourTime.match(/^(.+), (\d{1,2}:\d{2}\s[AP]M) \(/) ?? [];
  expect(time).toBeTruthy();
  expect(label).toContain(time);
  await expect(page.locator('main')).toContainText(`${day}, ${time}`);
  await expectAccessible(page);
  await keepScreenshot(page, 'booking-kept-through-sign-up');
  // The hold replaced the review page in the history; opening the same address again
  // (a bookmark, a shared link) shows the time without holding it twice.
  await page.goto(arrival);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your session');
  await expect(page.locator('form[data-hold-on-arrival]')).toHaveCount(0);
  await page.goto(baseUrl() + '/sessions');
  await expect(page.locator('#sessions tbody tr')).toHaveCount(1);
  expect(problems).toEqual([]);
});

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, most = 60): Promise<void> {
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} was not reached in ${most} presses of Tab`);
}

test('a learner finds an expert, picks a time, holds and pays with the keyboard alone', async ({ page }) => {
  test.slow();
  const problems = watchForBreakage(page);
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill('learner@demo.mentora.test');
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByLabel('Password').press('Enter');
  await expect(page.locator('form[action="/logout"]')).toBeAttached();

  // Emma Schmidt (no other journey books her): from the directory to her profile.
  await page.goto(baseUrl() + '/experts?q=Emma%20Schmidt');
  await tabTo(page, page.getByRole('link', { name: 'Emma Schmidt' }).first());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Emma Schmidt');

  // "Choose a time" leads to the picker. Next month (every day of it ahead, so several
  // free ones whatever today is): the month is one Tab stop, the arrows move between days
  // with free times.
  await tabTo(page, page.getByRole('link', { name: 'Choose a time' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Next month' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/week=\d{4}-\d{2}-01/);
  await expect(page.getByRole('link', { name: 'Next month' })).toBeFocused();
  const stop = page.locator('a.calendar-day[tabindex="0"]');
  await expect(stop).toHaveCount(1);
  await tabTo(page, stop);
  const from = await stop.getAttribute('id');
  await page.keyboard.press('ArrowRight');
  await expect(stop).toBeFocused();
  expect(await stop.getAttribute('id')).not.toEqual(from);
  // Down is a week on: the first free day seven or more days after.
  const before = ((await stop.getAttribute('id')) ?? '').replace('cal-', '');
  await page.keyboard.press('ArrowDown');
  const after = ((await stop.getAttribute('id')) ?? '').replace('cal-', '');
  expect(Date.parse(after) - Date.parse(before)).toBeGreaterThanOrEqual(7 * 86_400_000);
  // Enter shows the week from that day, in place, the focus staying on it.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`week=${after}`));
  await expect(page.locator(`#cal-${after}`)).toBeFocused();
  const slot = page.locator('button.slot-button').first();
  await tabTo(page, slot);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your session');

  await tabTo(page, page.getByRole('button', { name: 'Hold this time and pay' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pay for your session');
  const price = (await page.locator('#checkout-price').textContent())?.trim() ?? '';
  await tabTo(page, page.getByRole('button', { name: `Pay ${price} (test)` }));
  await page.keyboard.press('Enter');
  await expect(page.locator('#booking-status')).toHaveText('Confirmed');
  await expectAccessible(page);
  await keepScreenshot(page, 'booking-by-keyboard');
  expect(problems).toEqual([]);
});
