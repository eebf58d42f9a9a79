// vitest globalSetup: the suite tests against the shared material (the corpus, COMPETENCIES.md, the
// O*NET/ESCO extracts) by design. Without it, stop once with how to point at it, instead of a hundred
// failures that each say "no such file".
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../../bench/lib/corpus.js';

export default function requireShared(): void {
  const needed = ['COMPETENCIES.md', join('corpus', 'dev-resumes'), join('corpus', 'adversarial'), 'reference'];
  const missing = needed.filter((p) => !existsSync(join(SHARED_DIR, p)));
  if (missing.length > 0) {
    throw new Error(
      `The tests read the shared material at ${SHARED_DIR} (missing: ${missing.join(', ')}). ` +
        'Clone the repository beside it (../shared) or set SKILLBRIDGE_SHARED to its path.',
    );
  }
}
