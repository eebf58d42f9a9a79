// Reads one YAML file of data/ at boot and validates it with its zod schema.
// A bad entry stops the server with a message naming the file and the field path, so a career coach
// editing the data sees exactly what to fix. Only boot code calls this: requests never touch the disk.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`Invalid data file ${file}:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'DataFileError';
  }
}

function formatPath(path: PropertyKey[], root: unknown): string {
  // Name list entries by their `id` when they have one: "competencies[communication].patterns[3]".
  let node: unknown = root;
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') {
      const entry = Array.isArray(node) ? node[key] : undefined;
      const id = entry && typeof entry === 'object' && 'id' in entry ? String(entry.id) : undefined;
      out += id ? `[${id}]` : `[${key}]`;
    } else {
      out += out ? `.${String(key)}` : String(key);
    }
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return out || '(root)';
}

/** Parses `text` (YAML) against `schema`; `file` names the source in errors. Pure: no I/O. */
export function parseDataText<S extends z.ZodType>(file: string, text: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new DataFileError(file, [`YAML syntax: ${(err as Error).message}`]);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new DataFileError(
      file,
      result.error.issues.map((i) => `${formatPath(i.path, raw)}: ${i.message}`),
    );
  }
  return result.data;
}

/** The text of a data file; a file that cannot be read is a DataFileError naming it. Boot-time only. */
export function readDataText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new DataFileError(file, [`cannot read: ${(err as NodeJS.ErrnoException).code ?? 'error'}`]);
  }
}

/** Reads and validates a YAML data file. Boot-time only. */
export function readDataFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  return parseDataText(file, readDataText(file), schema);
}
