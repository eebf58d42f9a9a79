// The batch and webhook variables: defaults that keep `npm start` working alone, and refusals that name
// the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('batch configuration', () => {
  it('defaults to the in-process queue with the documented limits', () => {
    const c = loadConfig({});
    expect(c.REDIS_URL).toBeUndefined();
    expect(c).toMatchObject({
      BATCH_WORKER: true,
      BATCH_MAX_ITEMS: 100,
      BATCH_MAX_BYTES: 50 * 1024 * 1024,
      BATCH_TTL_SECONDS: 3600,
      WEBHOOK_ALLOW_HTTP: false,
      WEBHOOK_ALLOW_PRIVATE: false,
      WEBHOOK_ATTEMPTS: 8,
    });
  });
  it('parses the Redis and webhook variables', () => {
    const c = loadConfig({ REDIS_URL: 'redis://10.0.0.2:6379/1', BATCH_WORKER: 'false', WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' });
    expect(c).toMatchObject({ REDIS_URL: 'redis://10.0.0.2:6379/1', BATCH_WORKER: false });
  });
  it.each([
    ['REDIS_URL', 'localhost:6379'],
    ['WEBHOOK_SECRET', 'hunter2'],
    ['BATCH_MAX_ITEMS', '0'],
    ['BATCH_WORKER', 'yes'],
  ])('stops on a bad %s naming the variable', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(key));
  });
});
