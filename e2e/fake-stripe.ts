// A stand-in for Stripe in the browser tests (the real Stripe.js cannot load here): the few
// API calls Mentora's server makes (PaymentIntents, refunds), and a fake Stripe.js that
// implements what the checkout uses — `Stripe(pk).elements({clientSecret})
// .create('payment').mount(selector)` and `stripe.confirmPayment({elements,
// confirmParams})`. Confirming with 4000 0000 0000 0002 is declined; any other number
// succeeds, and the fake then delivers a signed `payment_intent.succeeded` to Mentora as
// Stripe would. Exact request bodies are asserted by the Rust fake (tests/it/fake_stripe.rs);
// this one serves the browser journey. Served only in tests.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const webhookSecret = 'whsec_e2e_fake_stripe';

type Intent = Record<string, unknown> & { id: string; status: string; amount: number; currency: string };

export interface FakeStripe {
  url: string;
  /** Where events go once Mentora is listening. */
  deliverTo(mentora: string): void;
  close(): Promise<void>;
}

const stripeJs = (origin: string): string => `(() => {
  const api = ${JSON.stringify(origin)};
  window.Stripe = function (publishableKey) {
    let card = null;
    return {
      elements({ clientSecret }) {
        return {
          clientSecret,
          create(type) {
            return {
              mount(selector) {
                const host = document.querySelector(selector);
                const field = document.createElement('div');
                field.className = 'field';
                const label = document.createElement('label');
                label.htmlFor = 'fake-stripe-card';
                label.textContent = 'Card number';
                card = document.createElement('input');
                card.id = 'fake-stripe-card';
                card.autocomplete = 'cc-number';
                card.inputMode = 'numeric';
                field.append(label, card);
                host.append(field);
              },
            };
          },
        };
      },
      async confirmPayment({ elements, confirmParams }) {
        const id = elements.clientSecret.split('_secret_')[0];
        const res = await fetch(api + '/v1/payment_intents/' + id + '/confirm', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ card: card.value.replace(/\\s/g, ''), client_secret: elements.clientSecret, key: publishableKey }),
        });
        const body = await res.json();
        if (!res.ok) return { error: body.error };
        window.location.assign(confirmParams.return_url + '?payment_intent=' + id + '&redirect_status=succeeded');
        return new Promise(() => {});
      },
    };
  };
})();
`;

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const intents = new Map<string, Intent>();
  const refunds: Record<string, unknown>[] = [];
  let mentora = '';
  let next = 0;
  const id = (prefix: string): string => `${prefix}_E2e${String(++next).padStart(6, '0')}`;

  const deliver = async (type: string, object: unknown): Promise<void> => {
    const event = JSON.stringify({ id: id('evt'), object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object } });
    const t = Math.floor(Date.now() / 1000);
    const v1 = createHmac('sha256', webhookSecret).update(`${t}.${event}`).digest('hex');
    await fetch(`${mentora}/api/v1/webhooks/stripe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': `t=${t},v1=${v1}` },
      body: event,
    });
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, json: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' });
      res.end(JSON.stringify(json));
    };
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    if (req.method === 'OPTIONS') return send(204, {});
    if (req.method === 'GET' && path === '/v3/') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(stripeJs(`http://${req.headers.host}`));
    }
    if (req.method === 'POST' && path === '/v1/payment_intents') {
      const form = new URLSearchParams(await body(req));
      const key = req.headers['idempotency-key'];
      const existing = [...intents.values()].find((i) => i.idempotency_key === key);
      if (existing) return send(200, existing);
      const pi = id('pi');
      const intent: Intent = {
        id: pi, object: 'payment_intent', status: 'requires_payment_method',
        amount: Number(form.get('amount')), currency: form.get('currency') ?? '',
        client_secret: `${pi}_secret_e2e`, metadata: { booking_id: form.get('metadata[booking_id]') },
        latest_charge: null, last_payment_error: null, idempotency_key: key,
      };
      intents.set(pi, intent);
      return send(200, intent);
    }
    const confirm = path.match(/^\/v1\/payment_intents\/([^/]+)\/confirm$/);
    if (req.method === 'POST' && confirm) {
      const intent = intents.get(confirm[1]);
      const sent = JSON.parse(await body(req)) as { card: string; client_secret: string };
      if (!intent || sent.client_secret !== intent.client_secret) return send(404, { error: { message: 'No such payment_intent' } });
      if (sent.card === '4000000000000002') {
        intent.last_payment_error = { code: 'card_declined', message: 'Your card was declined.' };
        return send(402, { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } });
      }
      intent.status = 'succeeded';
      intent.latest_charge = id('ch');
      await deliver('payment_intent.succeeded', intent);
      return send(200, intent);
    }
    const read = path.match(/^\/v1\/payment_intents\/([^/]+)$/);
    if (req.method === 'GET' && read) {
      const intent = intents.get(read[1]);
      return intent ? send(200, intent) : send(404, { error: { message: 'No such payment_intent' } });
    }
    if (req.method === 'GET' && path === '/v1/refunds') {
      const pi = url.searchParams.get('payment_intent');
      return send(200, { object: 'list', data: refunds.filter((r) => r.payment_intent === pi), has_more: false });
    }
    if (req.method === 'POST' && path === '/v1/refunds') {
      const form = new URLSearchParams(await body(req));
      const refund = {
        id: id('re'), object: 'refund', status: 'succeeded', amount: Number(form.get('amount')),
        payment_intent: form.get('payment_intent'), metadata: { mentora_refund_id: form.get('metadata[mentora_refund_id]') },
      };
      refunds.push(refund);
      return send(200, refund);
    }
    return send(404, { error: { message: `the fake has no ${req.method} ${path}` } });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliverTo: (target: string) => { mentora = target; },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
