// Boot-time choice of the batch backend: BullMQ and the Redis store when REDIS_URL is set, the
// in-process queue and store otherwise. Callers (app.ts, worker.ts) see one `Batches` object either way.
// BullMQ and ioredis are imported only for the Redis backend: loaded, they hold about 20 MB of the API
// process's memory (measured: +22.7 MB RSS), which a service without Redis never uses.
import type { Config } from '../config.js';
import { type BatchQueue, createMemoryQueue } from './queue.js';
import { type BatchRuntime, runBatchItem, sendBatchWebhook } from './run-item.js';
import { type BatchStore, createMemoryStore } from './store.js';

export interface Batches {
  store: BatchStore;
  queue: BatchQueue;
  mode: 'redis' | 'memory';
  /** Starts working jobs with this process's extractor and knowledge. */
  startWorkers(runtime: Omit<BatchRuntime, 'store' | 'queue' | 'webhook'>): void;
  close(): Promise<void>;
}

export async function createBatches(config: Config): Promise<Batches> {
  const policy = {
    concurrency: config.WORKER_CONCURRENCY,
    itemAttempts: 5,
    itemBackoffMs: 1_000,
    webhookAttempts: config.WEBHOOK_ATTEMPTS,
    webhookBackoffMs: config.WEBHOOK_BACKOFF_MS,
  };
  let store: BatchStore;
  let queue: BatchQueue;
  if (config.REDIS_URL) {
    const [{ createBullQueue }, { connectRedis, createRedisStore }] = await Promise.all([
      import('./bullmq-queue.js'),
      import('./redis-store.js'),
    ]);
    const url = config.REDIS_URL;
    const redis = connectRedis(url, 'api');
    // Connection errors are answered as 503 QUEUE_UNAVAILABLE per request; the event must not crash us.
    redis.on('error', () => undefined);
    store = createRedisStore(redis);
    const producer = connectRedis(url, 'queue');
    producer.on('error', () => undefined);
    queue = createBullQueue({
      ...policy,
      redis: producer,
      workerConnection: () => {
        const c = connectRedis(url, 'worker');
        c.on('error', () => undefined);
        return c;
      },
      stalledMs: config.BATCH_STALLED_MS,
      ttlSeconds: config.BATCH_TTL_SECONDS,
    });
  } else {
    store = createMemoryStore(config.BATCH_MEMORY_MAX_BYTES);
    queue = createMemoryQueue(policy);
  }
  const webhook = {
    allowHttp: config.WEBHOOK_ALLOW_HTTP,
    allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    ...(config.WEBHOOK_SECRET ? { secret: config.WEBHOOK_SECRET } : {}),
  };
  return {
    store,
    queue,
    mode: config.REDIS_URL ? 'redis' : 'memory',
    startWorkers(parts) {
      const runtime: BatchRuntime = { ...parts, store, queue, webhook };
      queue.startWorkers({
        item: (batchId, index) => runBatchItem(runtime, batchId, index),
        webhook: (batchId) => sendBatchWebhook(runtime, batchId),
      });
    },
    async close() {
      await queue.close();
      await store.close();
    },
  };
}
