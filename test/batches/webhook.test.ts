// The webhook sender on its own: which addresses the SSRF guard refuses, that a host name resolving to
// loopback is refused at connection time, and that a delivery verifies with the Standard Webhooks library.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhook, isPrivateAddress, refuseWebhookUrl, WebhookError } from '../../src/batches/webhook.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.5', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['fd00:ec2::254', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['2606:4700:4700::1111', false],
  ])('%s -> %s', (address, blocked) => {
    expect(isPrivateAddress(address)).toBe(blocked);
  });
});

describe('refuseWebhookUrl', () => {
  const strict = { allowHttp: false, allowPrivate: false };
  it('takes a public https URL and refuses the rest', () => {
    expect(refuseWebhookUrl('https://ats.example.com/hook', strict)).toBeUndefined();
    expect(refuseWebhookUrl('http://ats.example.com/hook', strict)).toMatch(/https/);
    expect(refuseWebhookUrl('ftp://ats.example.com/hook', { ...strict, allowHttp: true })).toMatch(/http or https/);
    expect(refuseWebhookUrl('https://user:pw@ats.example.com/', strict)).toMatch(/credentials/);
    expect(refuseWebhookUrl('https://10.0.0.8/hook', strict)).toMatch(/private/);
    expect(refuseWebhookUrl('not a url', strict)).toMatch(/not a URL/);
  });
});

describe('deliverWebhook', () => {
  const calls: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      res.end();
    });
  });
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => server.close());

  it('refuses a host name that resolves to loopback, without connecting, and does not retry it', async () => {
    const delivery = { url: `http://localhost:${port}/hook`, msgId: 'msg_x', body: '{}', secret: SECRET };
    const err = await deliverWebhook(delivery, { allowHttp: true, allowPrivate: false, timeoutMs: 2_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WebhookError);
    expect((err as WebhookError).retry).toBe(false);
    expect(calls).toHaveLength(0);
  });

  it('signs per Standard Webhooks when private addresses are allowed', async () => {
    const body = JSON.stringify({ type: 'batch.completed', data: { id: 'b1' } });
    const status = await deliverWebhook(
      { url: `http://localhost:${port}/hook`, msgId: 'msg_b1', body, secret: SECRET },
      { allowHttp: true, allowPrivate: true, timeoutMs: 2_000 },
    );
    expect(status).toBe(200);
    const call = calls.at(-1)!;
    expect(call.headers['webhook-id']).toBe('msg_b1');
    expect(call.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(new Webhook(SECRET).verify(call.body, call.headers as Record<string, string>)).toEqual(JSON.parse(body));
  });

  it('marks a refused connection as worth retrying', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const address = closed.address();
    const deadPort = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((r) => closed.close(() => r()));
    const err = await deliverWebhook(
      { url: `http://127.0.0.1:${deadPort}/hook`, msgId: 'm', body: '{}', secret: SECRET },
      { allowHttp: true, allowPrivate: true, timeoutMs: 2_000 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WebhookError);
    expect((err as WebhookError).retry).toBe(true);
  });
});
