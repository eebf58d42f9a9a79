// The batch queue on BullMQ: items and webhooks are two queues in Redis, worked by any process that
// starts workers (the API unless BATCH_WORKER=false, and `npm run worker`). A worker that dies keeps
// its jobs locked for BATCH_STALLED_MS; BullMQ's stalled-job check then hands them to another worker,
// and the store's idempotent recording keeps each item counted once. The webhook job id is derived
// from the batch id, so the callback is queued once however many workers see the batch end.
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { type BatchJobHandlers, type BatchQueue, isFinalFailure, type RetryPolicy } from './queue.js';

const ITEMS = 'skillbridge-batch-items';
const WEBHOOKS = 'skillbridge-batch-webhooks';
const PREFIX = 'sb:bull';

interface ItemJob {
  batchId: string;
  index: number;
}

const itemJobId = (batchId: string, index: number) => `${batchId}-${index}`;

export interface BullQueueOptions extends RetryPolicy {
  /** The fail-fast client for adding jobs. */
  redis: Redis;
  /** Makes a blocking client for each worker (maxRetriesPerRequest null). */
  workerConnection: () => Redis;
  stalledMs: number;
  ttlSeconds: number;
}

export function createBullQueue(options: BullQueueOptions): BatchQueue {
  const common = { connection: options.redis, prefix: PREFIX, skipWaitingForReady: true };
  const items = new Queue<ItemJob>(ITEMS, common);
  const webhooks = new Queue<{ batchId: string }>(WEBHOOKS, common);
  // Queue errors surface on the calls that failed; an unhandled 'error' event would crash the process.
  items.on('error', () => undefined);
  webhooks.on('error', () => undefined);
  const workers: Worker[] = [];
  const workerConnections: Redis[] = [];
  const keep = { age: options.ttlSeconds };

  return {
    async enqueueItems(batchId, count) {
      await items.addBulk(
        Array.from({ length: count }, (_, index) => ({
          name: 'item',
          data: { batchId, index },
          opts: {
            jobId: itemJobId(batchId, index),
            attempts: options.itemAttempts,
            backoff: { type: 'exponential', delay: options.itemBackoffMs },
            removeOnComplete: true,
            removeOnFail: keep,
          },
        })),
      );
    },
    async enqueueWebhook(batchId) {
      await webhooks.add(
        'webhook',
        { batchId },
        {
          jobId: `webhook-${batchId}`,
          attempts: options.webhookAttempts,
          backoff: { type: 'exponential', delay: options.webhookBackoffMs },
          removeOnComplete: keep,
          removeOnFail: keep,
        },
      );
    },
    async removeItems(batchId, count) {
      // A job already running cannot be removed; it finds the batch gone and records nothing.
      await Promise.all(
        Array.from({ length: count }, (_, index) => items.remove(itemJobId(batchId, index)).catch(() => 0)),
      );
    },
    startWorkers(handlers: BatchJobHandlers) {
      const settings = {
        prefix: PREFIX,
        lockDuration: options.stalledMs,
        stalledInterval: options.stalledMs,
        maxStalledCount: 2,
      };
      const itemConnection = options.workerConnection();
      const webhookConnection = options.workerConnection();
      workerConnections.push(itemConnection, webhookConnection);
      workers.push(
        new Worker<ItemJob>(ITEMS, async (job) => handlers.item(job.data.batchId, job.data.index), {
          ...settings,
          connection: itemConnection,
          concurrency: options.concurrency,
        }),
        new Worker<{ batchId: string }>(
          WEBHOOKS,
          async (job) => {
            try {
              await handlers.webhook(job.data.batchId);
            } catch (err) {
              if (isFinalFailure(err)) throw new UnrecoverableError((err as Error).message);
              throw err;
            }
          },
          {
            ...settings,
            connection: webhookConnection,
            concurrency: 4,
          },
        ),
      );
      for (const worker of workers) worker.on('error', () => undefined);
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([items.close(), webhooks.close()]);
      for (const c of [options.redis, ...workerConnections]) c.disconnect();
    },
  };
}
