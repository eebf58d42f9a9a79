// The batch store in Redis, so any API replica or worker serves any batch and the API keeps no batch
// state in memory. Keys share the {id} hash tag (one slot in a cluster); every key expires at the
// batch's expiresAt. Recording a result is one Lua script (HSETNX, then the counter), so a job that
// runs twice (a stalled worker's job taken over) counts once. Without persistence (AOF or RDB) a Redis
// restart loses the batches: run it with appendonly yes.
import { Redis } from 'ioredis';
import {
  type BatchRecord,
  type BatchState,
  type BatchStore,
  decodeInput,
  encodeInput,
  IDEMPOTENCY_TTL_SECONDS,
  type IdempotencyClaim,
} from './store.js';

const PREFIX = 'sb:batch:';
const CONNECT_GRACE_MS = 1_000;
const keys = (id: string) => ({
  meta: `${PREFIX}{${id}}:meta`,
  inputs: `${PREFIX}{${id}}:inputs`,
  results: `${PREFIX}{${id}}:results`,
});

// KEYS: meta, results, inputs. ARGV: index, line, counter field, expiresAt (ms).
const RECORD_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[1], ARGV[3], 1)
  redis.call('PEXPIREAT', KEYS[2], ARGV[4])
end
redis.call('HDEL', KEYS[3], ARGV[1])
return tonumber(redis.call('HGET', KEYS[1], 'completed') or '0') + tonumber(redis.call('HGET', KEYS[1], 'failed') or '0')
`;

/**
 * 'api': fails fast while Redis is away, so requests answer 503 instead of hanging. 'queue': BullMQ's
 * producer client (it duplicates connections, which must be allowed to queue until connected), giving
 * up after one reconnection. 'worker': blocks and waits for Redis as long as it takes.
 */
export function connectRedis(url: string, purpose: 'api' | 'queue' | 'worker'): Redis {
  return new Redis(url, {
    enableOfflineQueue: purpose !== 'api',
    // BullMQ workers need null (they block on Redis); API commands give up after one retry.
    maxRetriesPerRequest: purpose === 'worker' ? null : 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 100, 1_000),
  });
}

export function createRedisStore(redis: Redis): BatchStore {
  return {
    async create(record: BatchRecord, inputs) {
      const k = keys(record.id);
      const at = Date.parse(record.expiresAt);
      const multi = redis.multi();
      multi.hset(k.meta, { record: JSON.stringify(record), completed: 0, failed: 0, started: 0 });
      multi.pexpireat(k.meta, at);
      const fields: (string | Buffer)[] = [];
      inputs.forEach((input, i) => fields.push(String(i), encodeInput(input)));
      multi.hset(k.inputs, ...fields);
      multi.pexpireat(k.inputs, at);
      await multi.exec();
    },
    async get(id): Promise<BatchState | undefined> {
      const h = await redis.hgetall(keys(id).meta);
      if (!h.record) return undefined;
      return {
        record: JSON.parse(h.record) as BatchRecord,
        completed: Number(h.completed ?? 0),
        failed: Number(h.failed ?? 0),
        started: h.started === '1',
      };
    },
    async readInput(id, index) {
      const raw = await redis.hgetBuffer(keys(id).inputs, String(index));
      return raw ? decodeInput(raw) : undefined;
    },
    async markStarted(id) {
      // HSET on a deleted batch would recreate a key without expiry: only touch an existing one.
      await redis.eval(
        "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'started', '1') end return 0",
        1,
        keys(id).meta,
      );
    },
    async recordResult(record, index, line, ok) {
      const k = keys(record.id);
      const at = Date.parse(record.expiresAt);
      // The script answers -1 when the batch is gone.
      const ended = (await redis.eval(
        RECORD_SCRIPT,
        3,
        k.meta,
        k.results,
        k.inputs,
        String(index),
        line,
        ok ? 'completed' : 'failed',
        String(at),
      )) as number;
      return ended < 0 ? undefined : ended;
    },
    async results(id) {
      const all = await redis.hgetall(keys(id).results);
      return Object.entries(all)
        .map(([i, line]) => [Number(i), line] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, line]) => line);
    },
    async delete(id) {
      const k = keys(id);
      return (await redis.del(k.meta, k.inputs, k.results)) > 0;
    },
    async claimIdempotencyKey(owner, key, claim): Promise<IdempotencyClaim | undefined> {
      const name = `sb:idempotency:${owner ?? '-'}:${key}`;
      const set = await redis.set(name, JSON.stringify(claim), 'EX', IDEMPOTENCY_TTL_SECONDS, 'NX');
      if (set === 'OK') return undefined;
      const existing = await redis.get(name);
      return existing ? (JSON.parse(existing) as IdempotencyClaim) : undefined;
    },
    async unavailable() {
      // A fresh process is still connecting: give it a moment rather than refusing its first request.
      if (redis.status === 'connecting' || redis.status === 'connect' || redis.status === 'wait') {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, CONNECT_GRACE_MS);
          redis.once('ready', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return redis.status === 'ready' ? undefined : 'Redis is not reachable';
    },
    async close() {
      redis.disconnect();
    },
  };
}
