// /v1/batches: many resumes analysed asynchronously, results kept BATCH_TTL_SECONDS, a signed webhook
// when the batch ends. The route only validates, stores and enqueues; workers (this process or
// `npm run worker`) run each item through the same composition as POST /v1/analyses. No batch state
// lives in this process with Redis, so any replica answers for any batch.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BatchState, ItemInput, ItemLabel } from '../batches/store.js';
import { refuseWebhookUrl } from '../batches/webhook.js';
import { appError, type ErrorCode, isAppError } from '../errors.js';
import type { Analysis } from '../schemas/analysis.js';
import {
  type Batch,
  BatchAcceptedSchema,
  BatchHeadersSchema,
  BatchJsonBodySchema,
  BatchParamsSchema,
  BatchRankingSchema,
  BatchResultsSchema,
  BatchSchema,
  BatchUploadSchema,
  type BatchStatus,
  type RankedCandidate,
} from '../schemas/batches.js';
import { candidateName } from '../views/report-parts.js';
import { RESUME_ERRORS } from './documents.js';
import { readGapOptions } from './gap-input.js';
import { parseInput, type RouteFactory } from './route-spec.js';

const QUEUE_RETRY_AFTER_SECONDS = 5;
const READ_ERRORS: ErrorCode[] = ['NOT_FOUND', 'QUEUE_UNAVAILABLE'];

/** Runs a store or queue call; a Redis fault becomes 503 QUEUE_UNAVAILABLE with Retry-After. */
async function viaQueue<T>(reply: FastifyReply, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (isAppError(err)) throw err;
    reply.header('retry-after', String(QUEUE_RETRY_AFTER_SECONDS));
    throw appError('QUEUE_UNAVAILABLE', 'Redis is not reachable');
  }
}

function statusOf(state: BatchState): BatchStatus {
  const ended = state.completed + state.failed;
  if (ended >= state.record.total) return 'completed';
  return ended > 0 || state.started ? 'running' : 'queued';
}

function describeBatch(state: BatchState): Batch {
  const { record } = state;
  return {
    id: record.id,
    status: statusOf(state),
    total: record.total,
    completed: state.completed,
    failed: state.failed,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
  };
}

interface BatchSubmission {
  inputs: ItemInput[];
  labels: ItemLabel[];
  files: Map<string, Buffer>;
  fields: Map<string, string>;
  bodyHash: string;
  bytes: number;
}

const UPLOAD_FIELDS = ['targetRole', 'jobDescription', 'webhookUrl'];

async function readBatchUpload(request: FastifyRequest, app: FastifyInstance): Promise<BatchSubmission> {
  const { config } = app;
  const hash = createHash('sha256');
  const submission: BatchSubmission = { inputs: [], labels: [], files: new Map(), fields: new Map(), bodyHash: '', bytes: 0 };
  const parts = request.parts({
    limits: {
      fileSize: config.MAX_FILE_BYTES,
      files: config.BATCH_MAX_ITEMS + 1,
      fields: UPLOAD_FIELDS.length,
      parts: config.BATCH_MAX_ITEMS + 1 + UPLOAD_FIELDS.length,
      fieldSize: config.MAX_FILE_BYTES,
      headerPairs: 100,
    },
  });
  for await (const part of parts) {
    if (part.type === 'file') {
      if (part.fieldname !== 'resumes' && part.fieldname !== 'jobDescription') {
        part.file.resume();
        throw appError('INVALID_REQUEST', `unexpected file field "${part.fieldname}"`);
      }
      if (part.fieldname === 'jobDescription' && submission.files.has('jobDescription')) {
        part.file.resume();
        throw appError('TOO_MANY_FILES', 'only one file is accepted in "jobDescription"');
      }
      if (part.fieldname === 'resumes' && submission.inputs.length >= config.BATCH_MAX_ITEMS) {
        part.file.resume();
        throw appError('TOO_MANY_FILES', `at most ${config.BATCH_MAX_ITEMS} resumes in one batch`);
      }
      const bytes = await part.toBuffer();
      submission.bytes += bytes.length;
      if (submission.bytes > config.BATCH_MAX_BYTES)
        throw appError('FILE_TOO_LARGE', `the batch exceeds ${config.BATCH_MAX_BYTES} bytes`);
      hash.update(`${part.fieldname}\0${part.filename}\0${bytes.length}\0`).update(bytes);
      if (part.fieldname === 'jobDescription') submission.files.set('jobDescription', bytes);
      else {
        submission.inputs.push({ kind: 'bytes', bytes });
        submission.labels.push(part.filename ? { filename: part.filename.slice(0, 255) } : {});
      }
    } else {
      if (!UPLOAD_FIELDS.includes(part.fieldname))
        throw appError('INVALID_REQUEST', `unexpected field "${part.fieldname}"`);
      if (part.valueTruncated) throw appError('FILE_TOO_LARGE', `field "${part.fieldname}" is too long`);
      const value = String(part.value);
      hash.update(`${part.fieldname}\0\0${Buffer.byteLength(value)}\0${value}`);
      submission.fields.set(part.fieldname, value);
    }
  }
  if (submission.inputs.length === 0) throw appError('MISSING_RESUME', 'send one or more files in "resumes"');
  submission.bodyHash = hash.digest('hex');
  return submission;
}

function readBatchJson(request: FastifyRequest, app: FastifyInstance): BatchSubmission {
  if (request.body === undefined || request.body === null) throw appError('MISSING_RESUME', 'empty body');
  const raw = request.body as { items?: unknown };
  // The item count is a size limit (413), checked before the shape so a huge list is not walked twice.
  if (Array.isArray(raw.items) && raw.items.length > app.config.BATCH_MAX_ITEMS)
    throw appError('TOO_MANY_FILES', `at most ${app.config.BATCH_MAX_ITEMS} items in one batch`);
  const body = parseInput(BatchJsonBodySchema, request.body, 'body');
  const fields = new Map<string, string>();
  for (const name of UPLOAD_FIELDS) {
    const value = body[name as keyof typeof body];
    if (typeof value === 'string') fields.set(name, value);
  }
  return {
    inputs: body.items.map((item) => ({ kind: 'text', text: item.text })),
    labels: body.items.map((item) => (item.id !== undefined ? { itemId: item.id } : {})),
    files: new Map(),
    fields,
    bodyHash: createHash('sha256').update(JSON.stringify(body)).digest('hex'),
    bytes: body.items.reduce((n, item) => n + Buffer.byteLength(item.text), 0),
  };
}

async function loadOwnedBatch(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<BatchState> {
  const { id } = parseInput(BatchParamsSchema, request.params, 'params');
  const state = await viaQueue(reply, () => app.batches.store.get(id));
  // Another key's batch is answered exactly like a missing one.
  if (!state || state.record.owner !== request.apiKeyId) throw appError('NOT_FOUND', `batch ${id.slice(0, 100)}`);
  return state;
}

/** Up to three ids of the heaviest items with (or without) the given status, taxonomy order on ties. */
function pickIds(items: { competencyId: string; weight: number; status: string }[], strength: boolean): string[] {
  return items
    .filter((item) => (item.status === 'strength') === strength)
    .map((item, order) => ({ item, order }))
    .sort((a, b) => b.item.weight - a.item.weight || a.order - b.order)
    .slice(0, 3)
    .map(({ item }) => item.competencyId);
}

function rankCandidate(line: string): RankedCandidate | undefined {
  const item = JSON.parse(line) as { index: number; itemId?: string; filename?: string; analysis?: Analysis };
  if (!item.analysis) return undefined;
  const report = item.analysis.gapReport;
  const posting = report.jobDescription;
  const items = posting ? posting.items : report.items;
  const name = candidateName(item.analysis);
  return {
    index: item.index,
    ...(item.itemId !== undefined ? { itemId: item.itemId } : {}),
    ...(item.filename !== undefined ? { filename: item.filename } : {}),
    ...(name ? { name } : {}),
    readiness: report.readiness,
    ...(posting ? { jobDescriptionCoverage: posting.coverage } : {}),
    strengths: pickIds(items, true),
    gaps: pickIds(items, false),
  };
}

export const batchRoutes: RouteFactory = (app) => [
  {
    spec: {
      method: 'POST',
      url: '/v1/batches',
      operationId: 'createBatch',
      summary: 'Queue many resumes for analysis; poll the batch or receive a signed webhook when it ends',
      description:
        'multipart/form-data with one or more files in `resumes` (each within the per-file limit of POST ' +
        '/v1/analyses), or JSON `{ "items": [{ "id"?, "text" }] }`; optional `targetRole`, `jobDescription` ' +
        '(text, or a file part) and `webhookUrl`. At most BATCH_MAX_ITEMS items (default 100) and ' +
        'BATCH_MAX_BYTES (default 50 MB), 413 past them. An unreadable file fails only its item. With ' +
        '`Idempotency-Key`, the same key and body within 24 h answer the same batch. Batches belong to the ' +
        'API key that created them: another key gets 404.',
      tags: ['batches'],
      headers: BatchHeadersSchema,
      body: { multipart: BatchUploadSchema, json: BatchJsonBodySchema },
      status: 202,
      responseDescription: 'Accepted: the batch is queued.',
      responseHeaders: { Location: 'The batch: /v1/batches/{id}.' },
      response: BatchAcceptedSchema,
      bodyLimit: app.config.BATCH_MAX_BYTES,
      // A posting file is read like a resume, so its refusals are the resume's.
      errors: [...RESUME_ERRORS, 'UNKNOWN_ROLE', 'NOT_FOUND', 'IDEMPOTENCY_CONFLICT', 'QUEUE_UNAVAILABLE'],
    },
    handler: async (request, reply) => {
      const { store, queue } = app.batches;
      const down = await store.unavailable(0);
      if (down) {
        reply.header('retry-after', String(QUEUE_RETRY_AFTER_SECONDS));
        throw appError('QUEUE_UNAVAILABLE', down);
      }
      const headers = parseInput(BatchHeadersSchema, request.headers, 'headers');
      const submission = request.isMultipart()
        ? await readBatchUpload(request, app)
        : readBatchJson(request, app);
      const webhookUrl = submission.fields.get('webhookUrl');
      if (webhookUrl !== undefined) {
        if (!app.config.WEBHOOK_SECRET)
          throw appError('INVALID_REQUEST', 'webhooks are not configured on this server (WEBHOOK_SECRET)');
        const refused = refuseWebhookUrl(webhookUrl, {
          allowHttp: app.config.WEBHOOK_ALLOW_HTTP,
          allowPrivate: app.config.WEBHOOK_ALLOW_PRIVATE,
        });
        if (refused) throw appError('INVALID_REQUEST', refused);
      }
      const options = await readGapOptions(app, { files: submission.files, fields: submission.fields });
      const full = await store.unavailable(submission.bytes);
      if (full) {
        reply.header('retry-after', String(QUEUE_RETRY_AFTER_SECONDS));
        throw appError('QUEUE_UNAVAILABLE', full);
      }

      const id = randomUUID();
      const key = headers['idempotency-key'];
      if (key !== undefined) {
        const claimed = await viaQueue(reply, () =>
          store.claimIdempotencyKey(request.apiKeyId, key, { batchId: id, bodyHash: submission.bodyHash }),
        );
        if (claimed) {
          if (claimed.bodyHash !== submission.bodyHash)
            throw appError('IDEMPOTENCY_CONFLICT', 'this key was sent with another body');
          const earlier = await viaQueue(reply, () => store.get(claimed.batchId));
          if (!earlier) throw appError('NOT_FOUND', 'the batch of this Idempotency-Key has expired');
          const { status: _, completed: __, failed: ___, ...accepted } = describeBatch(earlier);
          return reply
            .code(202)
            .header('location', `/v1/batches/${earlier.record.id}`)
            .send({ ...accepted, status: 'queued' });
        }
      }
      const now = Date.now();
      const record = {
        id,
        owner: request.apiKeyId,
        total: submission.inputs.length,
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + app.config.BATCH_TTL_SECONDS * 1000).toISOString(),
        options,
        rankable: submission.fields.has('targetRole') || submission.fields.has('jobDescription') || submission.files.has('jobDescription'),
        ...(webhookUrl !== undefined ? { webhookUrl } : {}),
        labels: submission.labels,
      };
      await viaQueue(reply, () => store.create(record, submission.inputs));
      await viaQueue(reply, () => queue.enqueueItems(id, record.total));
      request.log.info({ batch: id, items: record.total }, 'batch queued');
      return reply
        .code(202)
        .header('location', `/v1/batches/${id}`)
        .send({ id, status: 'queued', total: record.total, createdAt: record.createdAt, expiresAt: record.expiresAt });
    },
  },
  {
    spec: {
      method: 'GET',
      url: '/v1/batches/:id',
      operationId: 'getBatch',
      summary: 'Progress of a batch',
      description: 'Status and counts of a batch this API key created: total, completed, failed, and when it expires.',
      tags: ['batches'],
      params: BatchParamsSchema,
      response: BatchSchema,
      errors: READ_ERRORS,
    },
    handler: async (request, reply) => describeBatch(await loadOwnedBatch(app, request, reply)),
  },
  {
    spec: {
      method: 'GET',
      url: '/v1/batches/:id/results',
      operationId: 'getBatchResults',
      summary: 'The analyses of the items that have ended, in submission order',
      description:
        'Each completed item carries `analysis`, byte for byte what POST /v1/analyses answers for that file ' +
        'and options; a failed one carries the usual error object. With `Accept: application/x-ndjson` the ' +
        'items are streamed one JSON object a line (no envelope).',
      tags: ['batches'],
      params: BatchParamsSchema,
      response: BatchResultsSchema,
      errors: READ_ERRORS,
    },
    handler: async (request, reply) => {
      const state = await loadOwnedBatch(app, request, reply);
      const lines = await viaQueue(reply, () => app.batches.store.results(state.record.id));
      if (/application\/x-ndjson/i.test(request.headers.accept ?? '')) {
        return reply.type('application/x-ndjson').send(Readable.from(lines.map((line) => `${line}\n`)));
      }
      // Assembled from the stored JSON text so each analysis stays byte-identical to /v1/analyses.
      const head = JSON.stringify({ id: state.record.id, status: statusOf(state) }).slice(0, -1);
      return reply.type('application/json; charset=utf-8').send(`${head},"items":[${lines.join(',')}]}`);
    },
  },
  {
    spec: {
      method: 'GET',
      url: '/v1/batches/:id/ranking',
      operationId: 'getBatchRanking',
      summary: 'Candidates best first, for a batch sent with a targetRole or a jobDescription',
      description:
        'Completed items sorted by readiness for `targetRole`, or by coverage of the posting when a ' +
        '`jobDescription` was sent; ties keep submission order. `name` comes from the contact block when the ' +
        'document has one. 400 INVALID_REQUEST for a batch sent with neither.',
      tags: ['batches'],
      params: BatchParamsSchema,
      response: BatchRankingSchema,
      errors: ['INVALID_REQUEST', ...READ_ERRORS],
    },
    handler: async (request, reply) => {
      const state = await loadOwnedBatch(app, request, reply);
      if (!state.record.rankable)
        throw appError('INVALID_REQUEST', 'the batch was sent without targetRole or jobDescription');
      const lines = await viaQueue(reply, () => app.batches.store.results(state.record.id));
      const byPosting = state.record.options.jobDescription !== undefined;
      const score = (c: RankedCandidate) => (byPosting ? (c.jobDescriptionCoverage ?? 0) : c.readiness);
      const items = lines
        .map(rankCandidate)
        .filter((c): c is RankedCandidate => c !== undefined)
        .sort((a, b) => score(b) - score(a) || a.index - b.index);
      return BatchRankingSchema.parse({
        id: state.record.id,
        status: statusOf(state),
        rankedBy: byPosting ? 'jobDescriptionCoverage' : 'readiness',
        items,
      });
    },
  },
  {
    spec: {
      method: 'DELETE',
      url: '/v1/batches/:id',
      operationId: 'deleteBatch',
      summary: 'Cancel what has not run and delete every stored result now',
      description: 'Items not yet analysed are dropped and every stored upload and result is deleted at once; the batch then answers 404.',
      tags: ['batches'],
      params: BatchParamsSchema,
      status: 204,
      responseDescription: 'Deleted; the batch now answers 404.',
      response: BatchSchema,
      errors: READ_ERRORS,
    },
    handler: async (request, reply) => {
      const state = await loadOwnedBatch(app, request, reply);
      await viaQueue(reply, () => app.batches.store.delete(state.record.id));
      await viaQueue(reply, () => app.batches.queue.removeItems(state.record.id, state.record.total));
      return reply.code(204).send();
    },
  },
];
