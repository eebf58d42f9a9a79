// What a worker does with one batch item and with a finished batch. The item goes through the very
// composition POST /v1/analyses uses (readResumeRaw, then the text work's analysisAnswer with the batch's
// gap options: a long text is analysed and written in a text-work child, off the API's event loop) and is
// stored as the JSON text that route would send, so the two answers are byte-identical. A transient refusal (busy extraction pool, shutdown) is rethrown so the queue
// retries the job; any other failure ends the item with the API's usual error object.
import { STATUS_CODES } from 'node:http';
import { AppError, appError, ERROR_DEFINITIONS, isAppError } from '../errors.js';
import type { Extractor } from '../extraction/extractor.js';
import { readResumeRaw, type ReadLimits } from '../extraction/read-resume.js';
import type { TextWork } from '../extraction/text-pool.js';
import type { BatchQueue } from './queue.js';
import type { BatchRecord, BatchStore, ItemInput } from './store.js';
import { deliverWebhook, type WebhookPolicy } from './webhook.js';

export interface BatchRuntime {
  store: BatchStore;
  queue: BatchQueue;
  extractor: Extractor;
  /** Where the analysis runs and is written: in-process, or a text-work child for a long text. */
  textWork: TextWork;
  readLimits: ReadLimits;
  webhook: WebhookPolicy & { secret?: string };
}

const TRANSIENT = new Set(['OVERLOADED', 'SHUTTING_DOWN']);

async function analyzeInput(runtime: BatchRuntime, record: BatchRecord, input: ItemInput): Promise<string> {
  let read;
  if (input.kind === 'bytes') {
    if (input.bytes.length === 0) throw appError('MISSING_RESUME', 'the file is empty');
    read = await readResumeRaw(input.bytes, runtime.extractor, runtime.readLimits);
  } else {
    if (input.text.trim() === '') throw appError('MISSING_RESUME', '"text" is empty');
    read = { format: 'txt' as const, raw: { text: input.text, truncated: false } };
  }
  const answer = await runtime.textWork.analysisAnswer(read, record.options, { format: 'json', pretty: false });
  // The route's bytes without their closing newline: the analysis is one field of a result line.
  return answer.body.toString('utf8').trimEnd();
}

/** `{"index":..,"itemId":..,"filename":..,"status":..,` then the analysis or error, as stored text. */
export function resultLine(record: BatchRecord, index: number, outcome: { analysis: string } | { error: AppError }): string {
  const label = record.labels[index] ?? {};
  const head = JSON.stringify({ index, ...label, status: 'analysis' in outcome ? 'completed' : 'failed' });
  if ('analysis' in outcome) return `${head.slice(0, -1)},"analysis":${outcome.analysis}}`;
  const statusCode = ERROR_DEFINITIONS[outcome.error.code].status;
  const error = { statusCode, code: outcome.error.code, error: STATUS_CODES[statusCode] ?? 'Error', message: outcome.error.message };
  return `${head.slice(0, -1)},"error":${JSON.stringify(error)}}`;
}

export async function runBatchItem(runtime: BatchRuntime, batchId: string, index: number): Promise<void> {
  const state = await runtime.store.get(batchId);
  if (!state) return; // deleted or expired: nothing to do
  const input = await runtime.store.readInput(batchId, index);
  let ended: number | undefined;
  if (input) {
    // Once per batch is enough: a worker that read `started` already set skips the round trip.
    if (!state.started) await runtime.store.markStarted(batchId);
    let line: string;
    let ok = true;
    try {
      line = resultLine(state.record, index, { analysis: await analyzeInput(runtime, state.record, input) });
    } catch (err) {
      if (isAppError(err) && TRANSIENT.has(err.code)) throw err;
      ok = false;
      line = resultLine(state.record, index, { error: isAppError(err) ? err : appError('INTERNAL') });
    }
    ended = await runtime.store.recordResult(state.record, index, line, ok);
  } else {
    // Recorded by a worker that died before queueing the webhook: count again, queue it if due.
    const again = await runtime.store.get(batchId);
    ended = again ? again.completed + again.failed : undefined;
  }
  if (ended === state.record.total && state.record.webhookUrl) await runtime.queue.enqueueWebhook(batchId);
}

export async function sendBatchWebhook(runtime: BatchRuntime, batchId: string): Promise<void> {
  const state = await runtime.store.get(batchId);
  const { secret } = runtime.webhook;
  if (!state?.record.webhookUrl || !secret) return;
  const body = JSON.stringify({
    type: 'batch.completed',
    data: {
      id: batchId,
      status: 'completed',
      total: state.record.total,
      completed: state.completed,
      failed: state.failed,
    },
  });
  await deliverWebhook({ url: state.record.webhookUrl, msgId: `msg_${batchId}`, body, secret }, runtime.webhook);
}
