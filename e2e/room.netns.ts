// Journey: a learner and an expert meet in the session room. Two Chromium contexts with
// fake cameras and microphones go through the pre-join check, join, and see each other's
// video (the peer connection reaches `connected`, and `getStats` shows decoded frames on
// both sides); muting is seen by the other side; recording starts only once both agree,
// its chunks reach storage and the joined file is WebM; when the room has closed the
// attendance settles the session as completed. A second server allows only relayed
// connections, through Debian's coturn. Runs inside a network namespace (see
// room.config.ts).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, keepScreenshot, watchForBreakage } from './support';

const demoPassword = 'mentora-demo-pass';

// Outside a namespace Chromium offers no loopback candidates and the peers never meet:
// say why instead of failing (scripts/test makes the namespace when it runs as root).
test.skip(
  process.env.MENTORA_ROOM_NETNS !== '1',
  'run through scripts/test as root: it makes the network namespace these tests need',
);

async function logIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(base + '/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('form[action="/logout"]')).toBeAttached();
}

/** Moves the sandbox's simulated time to `to` (operators only; due jobs run at once). */
async function setClock(page: Page, base: string, to: Date): Promise<void> {
  const login = await page.request.post(base + '/api/v1/auth/login', {
    data: { email: 'admin@demo.mentora.test', password: demoPassword },
  });
  const { access_token } = await login.json();
  const moved = await page.request.post(base + '/api/v1/test-mode/clock', {
    headers: { authorization: `Bearer ${access_token}` },
    data: { set_to: to.toISOString().replace(/\.\d+Z$/, 'Z') },
  });
  expect(moved.status(), await moved.text()).toBe(200);
}

/** The learner books Aiko Suzuki's first free time and pays in the sandbox. */
async function book(page: Page, base: string): Promise<{ id: string; start: Date }> {
  await logIn(page, base, 'learner@demo.mentora.test');
  await page.goto(base + '/experts?q=Aiko');
  await page.getByRole('link', { name: 'Aiko Suzuki' }).first().click();
  const slot = page.locator('button.slot-button').first();
  const start = new Date((await slot.getAttribute('value')) ?? '');
  await slot.click();
  await page.getByRole('button', { name: 'Hold this time and pay' }).click();
  const price = (await page.locator('#checkout-price').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: `Pay ${price} (test)` }).click();
  await expect(page.locator('#booking-status')).toHaveText('Confirmed');
  const id = page.url().match(/\/bookings\/([0-9a-f-]{36})/)?.[1] ?? '';
  expect(id).not.toEqual('');
  return { id, start };
}

type Peer = { state: string; framesDecoded: number; candidate: string };

/** The page's one peer connection: its state, video frames decoded, local candidate type. */
async function peer(page: Page): Promise<Peer> {
  return page.evaluate(async () => {
    const room = (window as unknown as { mentoraRoom?: { peers: Map<string, { pc: RTCPeerConnection }> } }).mentoraRoom;
    const first = room ? [...room.peers.values()][0] : undefined;
    if (!first) return { state: 'none', framesDecoded: 0, candidate: '' };
    const stats = await first.pc.getStats();
    let framesDecoded = 0;
    let candidate = '';
    const byId = new Map<string, Record<string, unknown>>();
    stats.forEach((s) => byId.set(s.id, s));
    stats.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') framesDecoded += s.framesDecoded ?? 0;
      if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated) {
        candidate = String(byId.get(s.localCandidateId)?.candidateType ?? '');
      }
    });
    return { state: first.pc.connectionState, framesDecoded, candidate };
  });
}

/** Both open the room once it is open, pass the pre-join check, and see each other. */
async function meet(browser: Browser, base: string): Promise<{ learner: Page; expert: Page; id: string; start: Date }> {
  // The learner on a phone, the expert on a desktop.
  const learner = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const expert = await (await browser.newContext()).newPage();
  const { id, start } = await book(learner, base);

  // Before it opens, the room says when.
  await learner.goto(`${base}/sessions/${id}/room`);
  await expect(learner.getByRole('status')).toContainText('The room opens at');

  await setClock(learner, base, new Date(start.getTime() - 5 * 60_000));
  await learner.goto(`${base}/bookings/${id}`);
  await learner.getByRole('link', { name: 'Join the session' }).click();
  await logIn(expert, base, 'expert27@demo.mentora.test');
  await expert.goto(`${base}/schedule`);
  await expert.locator(`a[href="/sessions/${id}/room"]`).click();
  for (const page of [learner, expert]) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session room');
    await expect(page.getByRole('button', { name: 'Join now' })).toBeEnabled();
  }
  return { learner, expert, id, start };
}

async function join(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Join now' }).click();
  await expect(page.getByRole('button', { name: 'Leave' })).toBeVisible();
}

async function connected(page: Page): Promise<void> {
  await expect.poll(async () => (await peer(page)).state, { timeout: 30_000 }).toBe('connected');
  await expect.poll(async () => (await peer(page)).framesDecoded, { timeout: 30_000 }).toBeGreaterThan(0);
}

test('two people meet: video both ways, mute seen, recording with consent, attendance completes the session', async ({ browser }) => {
  const base = process.env.BASE_URL ?? '';
  const { learner, expert, id, start } = await meet(browser, base);
  const problems = watchForBreakage(learner);

  // The pre-join check, on a phone: nothing wider than the screen, and accessible.
  await expect(learner.locator('#prejoin video')).toBeVisible();
  expect(await learner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(learner);
  await keepScreenshot(learner, 'room-prejoin-phone');

  await join(learner);
  await join(expert);
  await connected(learner);
  await connected(expert);
  await expect(expert.locator('#peer-status')).toContainText('joined');

  // Muting is heard on the other side.
  await learner.getByRole('button', { name: 'Mute' }).click();
  await expect(learner.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'true');
  await expect(expert.locator('#peer-status')).toHaveText('The other participant muted their microphone.');
  await learner.getByRole('button', { name: 'Mute' }).click();
  await expect(learner.getByRole('button', { name: 'Mute' })).toHaveAttribute('aria-pressed', 'false');
  // So is turning the camera off; on again, the video comes back.
  await learner.getByRole('button', { name: 'Camera off' }).click();
  await expect(expert.locator('#peer-status')).toHaveText('The other participant turned their camera off.');
  await learner.getByRole('button', { name: 'Camera off' }).click();
  await expect(learner.getByRole('button', { name: 'Camera off' })).toHaveAttribute('aria-pressed', 'false');

  // Sharing the screen sends the screen in place of the camera, and stopping brings the
  // camera back. (Headless Chromium has no screen to pick: a drawn canvas stands in.)
  await learner.evaluate(() => {
    navigator.mediaDevices.getDisplayMedia = async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 180;
      const context = canvas.getContext('2d');
      let n = 0;
      setInterval(() => {
        n += 1;
        if (context) { context.fillStyle = n % 2 ? '#336' : '#663'; context.fillRect(0, 0, 320, 180); }
      }, 50);
      return canvas.captureStream(15);
    };
  });
  const sentVideo = (page: Page) => page.evaluate(() => {
    const room = (window as unknown as { mentoraRoom: { peers: Map<string, { pc: RTCPeerConnection }> } }).mentoraRoom;
    const sender = [...room.peers.values()][0]?.pc.getSenders().find((s) => s.track?.kind === 'video');
    const camera = (document.getElementById('local-video') as HTMLVideoElement).srcObject as MediaStream;
    return sender?.track?.id === camera.getVideoTracks()[0]?.id ? 'camera' : 'screen';
  });
  await learner.getByRole('button', { name: 'Share screen' }).click();
  await expect(learner.getByRole('button', { name: 'Share screen' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => sentVideo(learner)).toBe('screen');
  const framesBefore = (await peer(expert)).framesDecoded;
  await expect.poll(async () => (await peer(expert)).framesDecoded, { timeout: 15_000 }).toBeGreaterThan(framesBefore);
  await learner.getByRole('button', { name: 'Share screen' }).click();
  await expect(learner.getByRole('button', { name: 'Share screen' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => sentVideo(learner)).toBe('camera');

  // The network path changes: an ICE restart renegotiates and the video keeps coming.
  const ufrag = (page: Page) => page.evaluate(() => {
    const room = (window as unknown as { mentoraRoom: { peers: Map<string, { pc: RTCPeerConnection }> } }).mentoraRoom;
    const sdp = [...room.peers.values()][0]?.pc.localDescription?.sdp ?? '';
    return sdp.match(/a=ice-ufrag:(\S+)/)?.[1] ?? '';
  });
  const before = await ufrag(learner);
  const decoded = (await peer(expert)).framesDecoded;
  await learner.evaluate(() => {
    const room = (window as unknown as { mentoraRoom: { peers: Map<string, { pc: RTCPeerConnection }> } }).mentoraRoom;
    [...room.peers.values()][0]?.pc.restartIce();
  });
  await expect.poll(() => ufrag(learner)).not.toEqual(before);
  await connected(learner);
  await expect.poll(async () => (await peer(expert)).framesDecoded).toBeGreaterThan(decoded);

  // The learner's connection to Mentora drops: the page reconnects, both sides start a
  // fresh call, and the video comes back.
  type Held = { mentoraRoom: { peers: Map<string, { pc: RTCPeerConnection }> }; heldPc?: RTCPeerConnection };
  await expert.evaluate(() => {
    const w = window as unknown as Held;
    w.heldPc = [...w.mentoraRoom.peers.values()][0]?.pc;
  });
  await learner.evaluate(() => (window as unknown as { mentoraRoom: { socket: () => WebSocket } }).mentoraRoom.socket().close());
  await expect
    .poll(() => expert.evaluate(() => {
      const w = window as unknown as Held;
      const current = [...w.mentoraRoom.peers.values()][0]?.pc;
      return Boolean(current) && current !== w.heldPc;
    }))
    .toBe(true);
  await connected(learner);
  await connected(expert);

  // Chat is heard live.
  await expert.getByLabel('Message').fill('Welcome! Shall we start with scales?');
  await expert.getByRole('button', { name: 'Send' }).click();
  await expect(learner.locator('#chat-log')).toContainText('Welcome! Shall we start with scales?');

  // Recording: one consent is not enough; the second starts it for both.
  await learner.getByRole('button', { name: 'Agree to record' }).click();
  await expect(learner.locator('#consent-status')).toContainText('Recording starts when the other participant agrees');
  await expect(learner.locator('#recording-indicator')).toBeHidden();
  await expert.getByRole('button', { name: 'Agree to record' }).click();
  await expect(learner.locator('#recording-indicator')).toBeVisible();
  await expect(expert.locator('#recording-indicator')).toBeVisible();
  await expectAccessible(expert);
  await keepScreenshot(expert, 'room-in-call');
  await keepScreenshot(learner, 'room-in-call-phone');
  expect(await learner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The chunks reach storage: the room lists the learner's recording once one is in.
  const recordingUrl = async (): Promise<string> => {
    const html = await (await learner.request.get(`${base}/sessions/${id}/room`)).text();
    return html.match(/\/sessions\/[0-9a-f-]{36}\/recordings\/[0-9a-f-]{36}/)?.[0] ?? '';
  };
  await expect.poll(recordingUrl, { timeout: 20_000 }).not.toEqual('');
  // The expert withdraws: recording stops for both at once.
  await expert.getByRole('button', { name: 'Stop recording' }).click();
  await expect(learner.locator('#recording-indicator')).toBeHidden();
  // The learner's own consent stands: it would start again if the expert agreed again.
  await expect(learner.locator('#consent-status')).toContainText('Recording starts when the other participant agrees');
  const file = await learner.request.get(base + (await recordingUrl()));
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('video/webm');
  const bytes = await file.body();
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);

  // Half an hour passes in the room; then both leave.
  await setClock(learner, base, new Date(start.getTime() + 25 * 60_000));
  await learner.getByRole('button', { name: 'Leave' }).click();
  await expect(learner.getByText('You left the room.')).toBeVisible();
  await expect(expert.locator('#peer-status')).toContainText('left');
  await expert.getByRole('button', { name: 'Leave' }).click();

  // The room closes; attendance settles the session.
  await setClock(learner, base, new Date(start.getTime() + (60 + 31) * 60_000));
  await expect
    .poll(async () => {
      await learner.goto(`${base}/bookings/${id}`);
      return learner.locator('#booking-status').textContent();
    }, { timeout: 20_000 })
    .toBe('Completed');
  await expect(learner.locator('body')).toContainText('settled by attendance');
  await keepScreenshot(learner, 'room-settled');
  expect(problems).toEqual([]);
});

test('with relayed connections only, media flows through the TURN server', async ({ browser }) => {
  const base = process.env.RELAYED_BASE_URL;
  test.skip(!base && process.env.MENTORA_REQUIRE_SERVICES !== '1', 'coturn is not installed (apt-get install coturn)');
  const { learner, expert, id } = await meet(browser, base ?? '');
  await join(learner);
  await join(expert);
  await connected(learner);
  await connected(expert);
  expect((await peer(learner)).candidate).toBe('relay');
  expect((await peer(expert)).candidate).toBe('relay');
  // The help page's check tries the relay too, with a credential minted for this person.
  await learner.goto((base ?? '') + '/support/video');
  await learner.getByRole('button', { name: 'Run the check' }).click();
  await expect(learner.locator('[data-result="relayYes"]')).toBeVisible();
  await expectAccessible(learner);
  await keepScreenshot(learner, 'video-help-relay');

  // The pre-join screen says what went wrong with the camera and microphone, in words
  // for each case, and links to the help page.
  const cases: Array<[string, string]> = [
    ['NotAllowedError', 'denied'],
    ['NotFoundError', 'missing'],
    ['NotReadableError', 'busy'],
  ];
  for (const [error, reason] of cases) {
    const page = await learner.context().newPage();
    await page.addInitScript((name) => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('refused in the test', name));
    }, error);
    await page.goto(`${base}/sessions/${id}/room`);
    const help = page.locator('#device-help');
    await expect(help).toBeVisible();
    await expect(help).toHaveText((await help.getAttribute(`data-${reason}`)) ?? '-');
    if (reason === 'denied') {
      await expect(page.locator('#prejoin a[href="/support/video"]')).toBeVisible();
      await expectAccessible(page);
      await keepScreenshot(page, 'room-prejoin-denied');
    }
    await page.close();
  }
  // A browser without WebRTC is told so, and cannot join.
  const old = await learner.context().newPage();
  await old.addInitScript(() => {
    delete (window as unknown as { RTCPeerConnection?: unknown }).RTCPeerConnection;
  });
  await old.goto(`${base}/sessions/${id}/room`);
  const help = old.locator('#device-help');
  await expect(help).toHaveText((await help.getAttribute('data-unsupported')) ?? '-');
  await expect(old.getByRole('button', { name: 'Join now' })).toBeDisabled();
  await old.close();
});

test('the video help page checks this browser, and reads right to left in Arabic on a phone', async ({ browser }) => {
  const base = process.env.BASE_URL ?? '';
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(base + '/support/video');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help with video sessions');
  await page.getByRole('button', { name: 'Run the check' }).click();
  await expect(page.locator('[data-result="webrtcYes"]')).toBeVisible();
  await expect(page.locator('[data-result="mediaYes"]')).toBeVisible();
  // No STUN server is configured here: only direct connections, and it says so.
  await expect(page.locator('[data-result="networkLocal"]')).toBeVisible();
  await expectAccessible(page);
  await keepScreenshot(page, 'video-help');

  await context.addCookies([{ name: 'mentora_locale', value: 'ar', url: base }]);
  await page.goto(base + '/support/video');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('مساعدة في جلسات الفيديو');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await keepScreenshot(page, 'video-help-ar-phone');
});
