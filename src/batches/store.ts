// Where batches live between the request and the workers: the batch record, each item's input until it
// is analysed, each item's result line until the batch expires. Two implementations behind one
// interface: Redis (any replica or worker can serve any batch) and process memory (no REDIS_URL; state
// is lost on restart). Results are stored as finished JSON text so the answer is byte-identical to
// what POST /v1/analyses sends; recording an item is idempotent, so a job run twice counts once.
import type { GapOptions } from '../pipeline/report/gaps.js';

export type ItemInput = { kind: 'bytes'; bytes: Buffer } | { kind: 'text'; text: string };

export interface ItemLabel {
  itemId?: string;
  filename?: string;
}

export interface BatchRecord {
  id: string;
  /** Id of the API key that created it (auth.ts keyIdOf; null without API keys): any other key gets 404. */
  owner: string | null;
  total: number;
  createdAt: string;
  expiresAt: string;
  options: GapOptions;
  /** The request named a targetRole or a jobDescription, so GET .../ranking answers. */
  rankable: boolean;
  webhookUrl?: string;
  labels: ItemLabel[];
}

export interface BatchState {
  record: BatchRecord;
  completed: number;
  failed: number;
  started: boolean;
}

export interface IdempotencyClaim {
  batchId: string;
  bodyHash: string;
}

export interface BatchStore {
  create(record: BatchRecord, inputs: ItemInput[]): Promise<void>;
  get(id: string): Promise<BatchState | undefined>;
  readInput(id: string, index: number): Promise<ItemInput | undefined>;
  markStarted(id: string): Promise<void>;
  /**
   * Stores the item's result line unless one is there already and deletes its input. Answers how many
   * items have ended, or undefined when the batch is gone (deleted or expired). The record the worker
   * already read gives the batch's id and expiry, so recording is one round trip to Redis.
   */
  recordResult(record: BatchRecord, index: number, line: string, ok: boolean): Promise<number | undefined>;
  /** Result lines in submission order (ended items only). */
  results(id: string): Promise<string[]>;
  delete(id: string): Promise<boolean>;
  /** Claims `key` for `claim` for 24 h, or answers the claim already there. */
  claimIdempotencyKey(owner: string | null, key: string, claim: IdempotencyClaim): Promise<IdempotencyClaim | undefined>;
  /** Whether new batches can be taken now; the reason otherwise. */
  unavailable(incomingBytes: number): Promise<string | undefined>;
  close(): Promise<void>;
}

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export function encodeInput(input: ItemInput): Buffer {
  return input.kind === 'bytes'
    ? Buffer.concat([Buffer.from('b'), input.bytes])
    : Buffer.concat([Buffer.from('t'), Buffer.from(input.text, 'utf8')]);
}

export function decodeInput(raw: Buffer): ItemInput {
  const body = raw.subarray(1);
  return raw[0] === 0x62 ? { kind: 'bytes', bytes: body } : { kind: 'text', text: body.toString('utf8') };
}

interface MemoryBatch {
  state: BatchState;
  inputs: Map<number, ItemInput>;
  results: Map<number, string>;
  timer: NodeJS.Timeout;
}

/**
 * Process memory. Bounded: pending input bytes never exceed `maxBytes` (new batches get
 * QUEUE_UNAVAILABLE past it), and every batch is dropped at its expiry.
 */
export function createMemoryStore(maxBytes: number): BatchStore {
  const batches = new Map<string, MemoryBatch>();
  const claims = new Map<string, { claim: IdempotencyClaim; expires: number }>();
  let pendingBytes = 0;
  const sizeOf = (input: ItemInput) => (input.kind === 'bytes' ? input.bytes.length : Buffer.byteLength(input.text));

  const drop = (id: string): boolean => {
    const batch = batches.get(id);
    if (!batch) return false;
    clearTimeout(batch.timer);
    for (const input of batch.inputs.values()) pendingBytes -= sizeOf(input);
    batches.delete(id);
    return true;
  };

  return {
    async create(record, inputs) {
      const delay = Date.parse(record.expiresAt) - Date.now();
      const timer = setTimeout(() => drop(record.id), delay);
      timer.unref();
      const map = new Map(inputs.map((input, i) => [i, input]));
      for (const input of inputs) pendingBytes += sizeOf(input);
      batches.set(record.id, {
        state: { record, completed: 0, failed: 0, started: false },
        inputs: map,
        results: new Map(),
        timer,
      });
    },
    async get(id) {
      const batch = batches.get(id);
      return batch ? { ...batch.state } : undefined;
    },
    async readInput(id, index) {
      return batches.get(id)?.inputs.get(index);
    },
    async markStarted(id) {
      const batch = batches.get(id);
      if (batch) batch.state.started = true;
    },
    async recordResult(record, index, line, ok) {
      const batch = batches.get(record.id);
      if (!batch) return undefined;
      if (!batch.results.has(index)) {
        batch.results.set(index, line);
        if (ok) batch.state.completed += 1;
        else batch.state.failed += 1;
      }
      const input = batch.inputs.get(index);
      if (input) {
        pendingBytes -= sizeOf(input);
        batch.inputs.delete(index);
      }
      return batch.state.completed + batch.state.failed;
    },
    async results(id) {
      const batch = batches.get(id);
      if (!batch) return [];
      return [...batch.results].sort((a, b) => a[0] - b[0]).map(([, line]) => line);
    },
    async delete(id) {
      return drop(id);
    },
    async claimIdempotencyKey(owner, key, claim) {
      const now = Date.now();
      for (const [k, v] of claims) if (v.expires <= now) claims.delete(k);
      const name = `${owner ?? '-'}:${key}`;
      const existing = claims.get(name);
      if (existing) return existing.claim;
      claims.set(name, { claim, expires: now + IDEMPOTENCY_TTL_SECONDS * 1000 });
      return undefined;
    },
    async unavailable(incomingBytes) {
      return pendingBytes + incomingBytes > maxBytes ? 'the in-process batch queue is full' : undefined;
    },
    async close() {
      for (const id of [...batches.keys()]) drop(id);
    },
  };
}
