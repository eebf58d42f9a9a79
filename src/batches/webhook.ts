// Sends the signed `batch.completed` callback. Signing follows Standard Webhooks (webhook-id,
// webhook-timestamp, webhook-signature `v1,<base64 HMAC-SHA256 of id.timestamp.body>`) through the
// `standardwebhooks` package. SSRF guard: https only unless allowed, and every address the host
// resolves to is checked inside the socket's own DNS lookup, so a name cannot resolve to a public
// address for the check and a private one for the connection. Limits: no proxy support; redirects
// are not followed (a 3xx counts as a refusal).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface WebhookPolicy {
  allowHttp: boolean;
  allowPrivate: boolean;
  timeoutMs: number;
}

/** Why a delivery failed; `retry` is false when trying again cannot help (4xx, refused address). */
export class WebhookError extends Error {
  override name = 'WebhookError';
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  BLOCKED.addSubnet(net, bits, 'ipv6');

/** Loopback, private, link-local (cloud metadata 169.254.169.254, fd00:ec2::254), multicast, reserved. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Checks the URL's form; answers why it is refused, or undefined. DNS is checked at delivery. */
export function refuseWebhookUrl(raw: string, policy: Pick<WebhookPolicy, 'allowHttp' | 'allowPrivate'>): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'webhookUrl is not a URL';
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:'))
    return policy.allowHttp ? 'webhookUrl must be http or https' : 'webhookUrl must be https';
  if (url.username || url.password) return 'webhookUrl must not carry credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!policy.allowPrivate && isIP(host) !== 0 && isPrivateAddress(host))
    return 'webhookUrl points to a private address';
  return undefined;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      if (!allowPrivate && list.some((a) => isPrivateAddress(a.address))) {
        const refused = Object.assign(new Error('webhook host resolves to a private address'), { code: 'EPRIVATE' });
        return callback(refused, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export interface SignedDelivery {
  url: string;
  msgId: string;
  body: string;
  secret: string;
}

/** One delivery attempt; resolves on 2xx, throws WebhookError otherwise. */
export function deliverWebhook(delivery: SignedDelivery, policy: WebhookPolicy): Promise<number> {
  const refused = refuseWebhookUrl(delivery.url, policy);
  if (refused) return Promise.reject(new WebhookError(refused, false));
  const timestamp = new Date();
  const signature = new Webhook(delivery.secret).sign(delivery.msgId, timestamp, delivery.body);
  const url = new URL(delivery.url);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(policy.allowPrivate) as never,
        timeout: policy.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(delivery.body),
          'user-agent': 'SkillBridge-Webhooks/1',
          'webhook-id': delivery.msgId,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
      },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(status);
        else
          reject(
            new WebhookError(`receiver answered ${status}`, status >= 500 || status === 408 || status === 429),
          );
      },
    );
    req.on('timeout', () => req.destroy(new WebhookError('receiver timed out', true)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof WebhookError) return reject(err);
      reject(new WebhookError(err.code === 'EPRIVATE' ? err.message : `connection failed (${err.code ?? 'error'})`, err.code !== 'EPRIVATE'));
    });
    req.end(delivery.body);
  });
}
