import { loadLexicon } from '../src/taxonomy/load-lexicon.js';
import { rewriteBullet } from '../src/pipeline/rewrite/rewrite-bullet.js';
const lex = loadLexicon('data/rewrite-lexicon.yaml');
for (const line of process.argv.slice(2)) {
  const [t, text] = line.startsWith('p:') ? ['present', line.slice(2)] : ['past', line];
  const r = rewriteBullet(text, { tense: t as 'past' }, lex);
  console.log(`${text}\n  -> ${r.rewrite}   [${r.changes.map((c) => c.rule).join(',')}]`);
}
