// Starts `mentora serve --demo` on a free port in a fresh data folder (the test-mode
// sandbox, with a stand-in for Google's calendars: e2e/fake-google.ts), and a second one
// that takes payments through a fake Stripe (e2e/fake-stripe.ts), and stops them after.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { googleClient, googleSecret, startFakeGoogle } from './fake-google';
import { startFakeStripe, webhookSecret } from './fake-stripe';

export async function startMentora(env: Record<string, string>): Promise<{ url: string; server: ChildProcess }> {
  const binary = resolve(process.env.MENTORA_BIN ?? join(__dirname, '..', 'target', 'debug', 'mentora'));
  const dataDir = mkdtempSync(join(tmpdir(), 'mentora-e2e-'));
  const server = spawn(binary, ['serve', '--addr', '127.0.0.1:0', '--demo'], {
    cwd: dataDir,
    // Every browser in the suite logs in from 127.0.0.1: scale the per-address limits up so
    // the journeys never trip them (the limits themselves are tested over HTTP in Rust).
    env: {
      PATH: process.env.PATH ?? '',
      MENTORA_DATA_DIR: dataDir,
      MENTORA_LOG_LEVEL: 'warn',
      MENTORA_RATE_LIMIT_SCALE: '10',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ok, fail) => {
    const lines = createInterface({ input: server.stdout! });
    const timer = setTimeout(() => fail(new Error('mentora did not become ready in 30 s')), 30_000);
    server.on('exit', (code) => fail(new Error(`mentora exited early with ${code}`)));
    lines.on('line', (line) => {
      const match = line.match(/^Mentora is ready at http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) {
        clearTimeout(timer);
        // localhost, not 127.0.0.1: a secure context for camera, microphone and WebAuthn.
        ok(`http://localhost:${match[1]}`);
      }
    });
  });
  return { url, server };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  // The calendars journey serves its feed from this machine, and signs in to a stand-in
  // for Google.
  const google = await startFakeGoogle();
  const sandbox = await startMentora({
    MENTORA_CALENDAR_ALLOW_PRIVATE_HOSTS: 'true',
    MENTORA_CALENDAR_GOOGLE_CLIENT_ID: googleClient,
    MENTORA_CALENDAR_GOOGLE_CLIENT_SECRET: googleSecret,
    MENTORA_CALENDAR_GOOGLE_AUTHORIZE_URL: `${google.url}/authorize`,
    MENTORA_GOOGLE_TOKEN_URL: `${google.url}/token`,
    MENTORA_GOOGLE_API_BASE: google.url,
  });
  process.env.BASE_URL = sandbox.url;

  const stripe = await startFakeStripe();
  const paid = await startMentora({
    MENTORA_STRIPE_SECRET_KEY: 'sk_test_e2e',
    MENTORA_STRIPE_WEBHOOK_SECRET: webhookSecret,
    MENTORA_STRIPE_PUBLISHABLE_KEY: 'pk_test_e2e',
    MENTORA_STRIPE_API_BASE: stripe.url,
    MENTORA_STRIPE_JS_URL: `${stripe.url}/v3/`,
  });
  stripe.deliverTo(paid.url);
  process.env.STRIPE_BASE_URL = paid.url;

  return async () => {
    for (const { server } of [sandbox, paid]) {
      server.kill('SIGTERM');
      await new Promise((done) => server.once('exit', done));
    }
    await stripe.close();
    await google.close();
  };
}
