// The job queue behind batches: one job per item, one per webhook delivery. Two implementations, one
// interface: BullMQ on Redis (bullmq-queue.ts) and this in-process one. Both retry a webhook with the
// same exponential backoff and retry an item whose run failed for a transient reason (a busy
// extraction pool). Limits of the in-process queue: jobs live in memory and are lost on restart.

export interface BatchJobHandlers {
  /** Analyses one item; throws only for transient faults worth retrying. */
  item: (batchId: string, index: number) => Promise<void>;
  /** One delivery attempt; throws to retry (unless the error says `retry: false`). */
  webhook: (batchId: string) => Promise<void>;
}

export interface BatchQueue {
  enqueueItems(batchId: string, count: number): Promise<void>;
  /** Idempotent per batch while a delivery is pending: a second call for the same batch adds nothing. */
  enqueueWebhook(batchId: string): Promise<void>;
  /** Drops the batch's jobs that have not started. */
  removeItems(batchId: string, count: number): Promise<void>;
  startWorkers(handlers: BatchJobHandlers): void;
  close(): Promise<void>;
}

export interface RetryPolicy {
  concurrency: number;
  itemAttempts: number;
  itemBackoffMs: number;
  webhookAttempts: number;
  webhookBackoffMs: number;
}

/** Exponential backoff: base, 2x base, 4x base... before attempt 2, 3, 4... */
export const backoffDelay = (base: number, attemptsMade: number) => base * 2 ** (attemptsMade - 1);

export const isFinalFailure = (err: unknown) => (err as { retry?: boolean }).retry === false;

export function createMemoryQueue(policy: RetryPolicy): BatchQueue {
  const pending: { batchId: string; index: number; attempts: number }[] = [];
  const webhooksSent = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let handlers: BatchJobHandlers | undefined;
  let running = 0;
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const pump = () => {
    while (handlers && !closed && running < policy.concurrency && pending.length > 0) {
      const job = pending.shift()!;
      running += 1;
      handlers
        .item(job.batchId, job.index)
        .catch(() => {
          job.attempts += 1;
          if (job.attempts < policy.itemAttempts)
            later(backoffDelay(policy.itemBackoffMs, job.attempts), () => {
              pending.push(job);
              pump();
            });
        })
        .finally(() => {
          running -= 1;
          pump();
        });
    }
  };

  const attemptWebhook = (batchId: string, attemptsMade: number) => {
    if (!handlers || closed) return;
    // The id is forgotten once delivery ends either way, so the set stays as small as the open deliveries.
    handlers
      .webhook(batchId)
      .then(() => webhooksSent.delete(batchId))
      .catch((err: unknown) => {
        const made = attemptsMade + 1;
        if (!isFinalFailure(err) && made < policy.webhookAttempts)
          later(backoffDelay(policy.webhookBackoffMs, made), () => attemptWebhook(batchId, made));
        else webhooksSent.delete(batchId);
      });
  };

  return {
    async enqueueItems(batchId, count) {
      for (let index = 0; index < count; index += 1) pending.push({ batchId, index, attempts: 0 });
      pump();
    },
    async enqueueWebhook(batchId) {
      if (webhooksSent.has(batchId)) return;
      webhooksSent.add(batchId);
      attemptWebhook(batchId, 0);
    },
    async removeItems(batchId) {
      for (let i = pending.length - 1; i >= 0; i -= 1) if (pending[i]!.batchId === batchId) pending.splice(i, 1);
    },
    startWorkers(h) {
      handlers = h;
      pump();
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      pending.length = 0;
    },
  };
}
