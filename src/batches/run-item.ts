// What a worker does with one batch item and with a finished batch. The item goes through the very
// composition POST /v1/analyses uses (readResumeBytes or readResumeText, then analyzeResume with the
// batch's gap options) and is stored as the JSON text that route would send, so the two answers are
// byte-identical. A transient refusal (busy extraction pool, shutdown) is rethrown so the queue
// retries the job; any other failure ends the item with the API's usual error object.
import { STATUS_CODES } from 'node:http';
import { AppError, appError, ERROR_DEFINITIONS, isAppError } from '../errors.js';
import type { Extractor } from '../extraction/extractor.js';
import { readResumeBytes, type ReadLimits } from '../extraction/read-resume.js';
import { analyzeResume } from '../pipeline/analyze.js';
import { readResumeText } from '../pipeline/read/build-document.js';
import { compileSerializer } from '../routes/schema-compilers.js';
import { AnalysisSchema } from '../schemas/analysis.js';
import type { Knowledge } from '../taxonomy/knowledge.js';
import type { BatchQueue } from './queue.js';
import type { BatchRecord, BatchStore, ItemInput } from './store.js';
import { deliverWebhook, type WebhookPolicy } from './webhook.js';

export interface BatchRuntime {
  store: BatchStore;
  queue: BatchQueue;
  extractor: Extractor;
  knowledge: Knowledge;
  readLimits: ReadLimits;
  webhook: WebhookPolicy & { secret?: string };
}

const TRANSIENT = new Set(['OVERLOADED', 'SHUTTING_DOWN']);

// The same compiled writer as POST /v1/analyses, so a stored analysis is byte for byte the route's answer.
const writeAnalysis = compileSerializer(AnalysisSchema);

async function analyzeInput(runtime: BatchRuntime, record: BatchRecord, input: ItemInput): Promise<string> {
  let doc;
  if (input.kind === 'bytes') {
    if (input.bytes.length === 0) throw appError('MISSING_RESUME', 'the file is empty');
    doc = await readResumeBytes(input.bytes, runtime.extractor, runtime.readLimits);
  } else {
    if (input.text.trim() === '') throw appError('MISSING_RESUME', '"text" is empty');
    doc = readResumeText(input.text, runtime.readLimits);
  }
  return writeAnalysis(analyzeResume(doc, runtime.knowledge, record.options));
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
