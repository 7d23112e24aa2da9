// A small stand-in for Google's sign-in and Calendar API, for the calendars journey: a
// consent page with an "Allow" button that sends the browser back with a code (checked
// later against the PKCE challenge), the token endpoint, the calendar list, events (for
// the sync token), free/busy with one busy hour three days ahead, and watch channels.
// The Rust tests hold the exact requests against a stricter fake
// (crates/mentora/tests/it/fake_calendars.rs); this one lets a person click through.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

export const googleClient = 'e2e-calendars.apps.googleusercontent.com';
export const googleSecret = 'GOCSPX-e2e';
export const googleAccount = 'expert12@gmail.example';

/** The busy hour the account's calendar holds: three days from now, 10:00–11:00 UTC. */
export function busyHour(): { start: string; end: string } {
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  return { start: `${day}T10:00:00Z`, end: `${day}T11:00:00Z` };
}

export async function startFakeGoogle(): Promise<{ url: string; close: () => Promise<void> }> {
  const challenges = new Map<string, string>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (url.pathname === '/authorize') {
        // The consent screen: one button, as a person would see it.
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        const code = `code-${challenges.size + 1}`;
        challenges.set(code, url.searchParams.get('code_challenge') ?? '');
        back.searchParams.set('code', code);
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="en"><head><title>Sign in - Google Accounts</title></head><body><main>
          <h1>Mentora wants to access your Google Account</h1><p>${googleAccount}</p>
          <p><a id="allow" href="${back.toString().replaceAll('&', '&amp;')}">Allow</a></p></main></body></html>`);
        return;
      }
      if (url.pathname === '/token') {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') === 'authorization_code') {
          const challenge = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
          if (challenges.get(form.get('code') ?? '') !== challenge) return json(400, { error: 'invalid_grant' });
        }
        return json(200, { access_token: 'ya29.e2e', expires_in: 3599, refresh_token: '1//e2e-refresh', token_type: 'Bearer' });
      }
      if (req.headers.authorization !== 'Bearer ya29.e2e') return json(401, { error: { code: 401, message: 'Invalid Credentials' } });
      if (url.pathname === '/calendar/v3/users/me/calendarList') {
        return json(200, { items: [{ id: googleAccount, summary: googleAccount, primary: true, accessRole: 'owner' }] });
      }
      if (url.pathname.endsWith('/events/watch')) {
        const asked = JSON.parse(body || '{}');
        return json(200, { kind: 'api#channel', id: asked.id, resourceId: 'resource-e2e', expiration: asked.expiration });
      }
      if (url.pathname.endsWith('/events')) return json(200, { items: [], nextSyncToken: 'sync-e2e' });
      if (url.pathname === '/calendar/v3/freeBusy') {
        const asked = JSON.parse(body || '{}');
        const busy = busyHour();
        const inside = busy.start >= asked.timeMin && busy.start < asked.timeMax;
        return json(200, { calendars: { [googleAccount]: { busy: inside ? [busy] : [] } } });
      }
      json(404, { error: { code: 404, message: 'Not Found' } });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((done) => server.close(() => done())) };
}
