// Journey 7 (learning record): Lena reviews her session with Bruno from two days ago,
// writes shared notes and a private one, attaches a link; Bruno, editing the same notes
// at the same time, is told his save came second and keeps his text; Bruno replies to
// the review, and the review with its reply is on his public profile. Lena's "My
// learning" page holds her goals and the timeline; the notes page reads right to left in
// Arabic. Every page passes axe and fits a 390 px phone.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { baseUrl, expectAccessible, keepScreenshot, watchForBreakage } from './support';

const demoPassword = 'mentora-demo-pass';

async function signedIn(browser: Browser, email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(baseUrl() + '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('form[action="/logout"]')).toBeAttached();
  return page;
}

async function fitsPhone(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, what).toBeLessThanOrEqual(0);
}

test('a learner reviews a session and keeps notes, the expert replies, and the review is on his profile', async ({ browser }) => {
  test.slow();
  const lena = await signedIn(browser, 'learner@demo.mentora.test');
  const problems = watchForBreakage(lena);

  // Her past session with Bruno waits for a review.
  await lena.goto(baseUrl() + '/sessions?tab=past');
  const row = lena.locator('#sessions tbody tr').filter({ hasText: 'Bruno Costa' }).first();
  await row.getByRole('link').first().click();
  await expect(lena.getByRole('heading', { name: 'Your review' })).toBeVisible();
  const booking = lena.url().replace(/#.*$/, '');
  await lena.getByLabel('4 stars').check();
  await lena.getByLabel('Clarity').selectOption('5');
  await lena.getByLabel('Your review (optional)').fill('Bruno made chord changes click. More songs next time!');
  await lena.getByRole('button', { name: 'Publish review' }).click();
  await expect(lena.locator('#review-rating')).toHaveText('4 out of 5');
  await expect(lena.locator('#review-body')).toHaveText('Bruno made chord changes click. More songs next time!');
  // Still hers to change for 48 hours: the form stays, filled in.
  await expect(lena.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expectAccessible(lena);
  await keepScreenshot(lena, 'learning-review-written');

  // Notes: Bruno opens them too, before Lena saves.
  const bruno = await signedIn(browser, 'expert28@demo.mentora.test');
  const brunoProblems = watchForBreakage(bruno);
  await bruno.goto(booking + '/notes');
  await lena.getByRole('link', { name: 'Notes, resources and chat' }).click();
  await expect(lena.getByRole('heading', { level: 1 })).toHaveText('Session notes');
  await lena.getByLabel('Edit the shared notes').fill('- G, C and D chords\n- **Strum** down, down-up');
  await lena.getByRole('button', { name: 'Save shared notes' }).click();
  await expect(lena.locator('#notes-saved')).toBeVisible();
  await expect(lena.locator('#shared-notes-view strong')).toHaveText('Strum');
  await lena.getByLabel('Your private notes').fill('Buy a capo.');
  await lena.getByRole('button', { name: 'Save my notes' }).click();
  await expect(lena.getByLabel('Your private notes')).toHaveValue('Buy a capo.');
  await lena.getByLabel('Link (https://…)').fill('https://www.justinguitar.com/');
  await lena.getByRole('button', { name: 'Add link' }).click();
  await expect(lena.locator('#resource-list')).toContainText('www.justinguitar.com');
  await expectAccessible(lena);
  await keepScreenshot(lena, 'learning-notes');

  // Bruno's save came second: nothing is lost, and he sees Lena's version above his text.
  await bruno.getByLabel('Edit the shared notes').fill('Practise the G to C change slowly.');
  await bruno.getByRole('button', { name: 'Save shared notes' }).click();
  await expect(bruno.getByRole('alert')).toContainText('Lena Learner saved these notes while you were editing');
  await expect(bruno.locator('#shared-notes-view')).toContainText('Strum');
  await expect(bruno.getByLabel('Edit the shared notes')).toHaveValue('Practise the G to C change slowly.');
  // He cannot read Lena's private note.
  await expect(bruno.getByLabel('Your private notes')).toHaveValue('');
  await expectAccessible(bruno);
  await keepScreenshot(bruno, 'learning-notes-conflict');
  await bruno.getByLabel('Edit the shared notes').fill('- G, C and D chords\n- **Strum** down, down-up\n- Practise the G to C change slowly.');
  await bruno.getByRole('button', { name: 'Save shared notes' }).click();
  await expect(bruno.locator('#notes-saved')).toBeVisible();
  await expect(bruno.locator('#notes-version')).toContainText('Version 2, saved by Bruno Costa');

  // Bruno replies to the review, once.
  await bruno.goto(booking);
  await expect(bruno.getByRole('heading', { name: "Lena Learner's review" })).toBeVisible();
  await bruno.getByLabel('Reply publicly').fill('Thank you, Lena! Bring a song you love next time.');
  await bruno.getByRole('button', { name: 'Publish reply' }).click();
  await expect(bruno.locator('#review-reply')).toContainText('Bring a song you love');
  await expect(bruno.getByLabel('Reply publicly')).toHaveCount(0);
  await expectAccessible(bruno);
  await keepScreenshot(bruno, 'learning-expert-replied');

  // On his public profile, on a phone: the review, its reply, and the rating's spread.
  const visitorContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const visitor = await visitorContext.newPage();
  await visitor.goto(baseUrl() + '/experts?q=Bruno');
  await visitor.getByRole('link', { name: 'Bruno Costa' }).first().click();
  const review = visitor.locator('#review-list li').filter({ hasText: 'chord changes click' });
  await expect(review).toContainText('Lena');
  await expect(review).not.toContainText('Learner');
  await expect(review).toContainText('Bring a song you love');
  await expect(visitor.locator('#rating-bars li')).toHaveCount(5);
  await fitsPhone(visitor, 'profile');
  await expectAccessible(visitor);
  await keepScreenshot(visitor, 'learning-profile-reviews-390');

  expect(problems).toEqual([]);
  expect(brunoProblems).toEqual([]);
});

test('My learning: a learner sets a goal, links a session to it, and reads one timeline', async ({ browser }) => {
  const lena = await signedIn(browser, 'learner@demo.mentora.test', 390);
  const problems = watchForBreakage(lena);
  await lena.getByRole('banner').locator('summary', { hasText: 'Menu' }).click();
  await lena.getByRole('link', { name: 'My learning' }).click();
  await expect(lena.getByRole('heading', { level: 1 })).toHaveText('My learning');
  // The demo goals, and the timeline of her sessions.
  await expect(lena.locator('#goal-list')).toContainText('Hold a 10-minute conversation in Japanese');
  await expect(lena.locator('#learning-timeline')).toContainText('Session with Aiko Suzuki: Completed');
  const goal = `Play three songs ${Date.now()}`;
  const form = lena.locator('#new-goal');
  await form.getByLabel('Goal', { exact: true }).fill(goal);
  await form.getByLabel('Target date (optional)').fill('2027-06-30');
  await form.getByLabel('Share with the experts of linked sessions').check();
  await form.getByRole('button', { name: 'Add goal' }).click();
  await expect(lena.locator('#goal-list')).toContainText(goal);
  await expect(lena.locator('#learning-timeline')).toContainText(`Goal set: ${goal}`);
  await fitsPhone(lena, 'goals');
  await expectAccessible(lena);
  await keepScreenshot(lena, 'learning-goals-390');

  // Linked to her session with Bruno from its booking page.
  await lena.goto(baseUrl() + '/sessions?tab=past');
  await lena.locator('#sessions tbody tr').filter({ hasText: 'Bruno Costa' }).first().getByRole('link').first().click();
  await lena.getByLabel('Goal', { exact: true }).selectOption({ label: goal });
  await lena.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(lena.locator('#session-goals')).toContainText(goal);
  await fitsPhone(lena, 'booking');
  await expectAccessible(lena);
  expect(problems).toEqual([]);
});

test('the notes page reads right to left in Arabic and fits a phone', async ({ browser }) => {
  const lena = await signedIn(browser, 'learner@demo.mentora.test', 390);
  const problems = watchForBreakage(lena);
  await lena.goto(baseUrl() + '/sessions?tab=past');
  // The older of her two sessions with Aiko (the list is newest first) has the notes.
  await lena.locator('#sessions tbody tr').filter({ hasText: 'Aiko Suzuki' }).last().getByRole('link').first().click();
  const booking = lena.url().replace(/#.*$/, '');
  await lena.locator('summary', { hasText: 'Language' }).click();
  await lena.getByRole('button', { name: 'العربية' }).click();
  await expect(lena.locator('html')).toHaveAttribute('dir', 'rtl');
  await lena.goto(booking + '/notes');
  await expect(lena.locator('html')).toHaveAttribute('lang', 'ar');
  // The demo session's notes, resources and chat.
  await expect(lena.locator('#shared-notes-view')).toContainText('jikoshoukai');
  await expect(lena.locator('#resource-list')).toContainText('Kana chart');
  await expect(lena.locator('#chat-history')).toContainText('Welcome! Can you hear me well?');
  await fitsPhone(lena, 'notes-ar');
  await expectAccessible(lena);
  await keepScreenshot(lena, 'learning-notes-ar-390');
  expect(problems).toEqual([]);
});

test('operators read a reported review, keep it, and read the NPS figures', async ({ browser }) => {
  // A learner reports a review on Aiko's profile (one she did not write).
  const lena = await signedIn(browser, 'learner@demo.mentora.test');
  const problems = watchForBreakage(lena);
  await lena.goto(baseUrl() + '/experts?q=Aiko');
  await lena.getByRole('link', { name: 'Aiko Suzuki' }).first().click();
  const review = lena.locator('#review-list li').filter({ has: lena.locator('summary') }).first();
  const reviewer = (await review.locator('.font-semibold').first().textContent())?.trim() ?? '';
  const reason = `Off-topic ${Date.now()}`;
  await review.locator('summary').click();
  await review.getByLabel('Why should an operator look at it?').fill(reason);
  await review.getByRole('button', { name: 'Send report' }).click();
  await expect(lena.getByRole('status').filter({ hasText: 'An operator will look at this review.' })).toBeVisible();
  await expectAccessible(lena);

  // The operator finds it with the reason, and keeps it.
  const admin = await signedIn(browser, 'admin@demo.mentora.test', 390);
  const adminProblems = watchForBreakage(admin);
  // On a phone the site's links are behind the menu button.
  await admin.getByRole('banner').locator('summary', { hasText: 'Menu' }).click();
  await admin.getByRole('link', { name: 'Reviews', exact: true }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Reviews to moderate');
  const reported = admin.locator('#moderation-list > li').filter({ hasText: reason });
  await expect(reported).toContainText(reviewer);
  await fitsPhone(admin, 'admin-reviews');
  await expectAccessible(admin);
  await keepScreenshot(admin, 'learning-admin-reviews-390');
  await reported.getByLabel('Reason').fill('Read the report: on topic.');
  await reported.getByRole('button', { name: 'Keep it (reports read)' }).click();
  await expect(admin.locator('#moderation-list > li').filter({ hasText: reason })).toHaveCount(0);

  // Key figures: the NPS of the demo learners' answers.
  await admin.goto(baseUrl() + '/admin/kpis');
  await expect(admin.locator('#nps-score')).toHaveText('33');
  await fitsPhone(admin, 'admin-kpis');
  await expectAccessible(admin);
  await keepScreenshot(admin, 'learning-admin-kpis-390');
  expect(problems).toEqual([]);
  expect(adminProblems).toEqual([]);
});
