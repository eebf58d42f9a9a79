import { readFileSync } from 'node:fs';
import { loadLexicon } from '../src/taxonomy/load-lexicon.js';
const lex = loadLexicon('data/rewrite-lexicon.yaml');
const lines = readFileSync('/tmp/rw3-us.txt', 'utf8').split('\n').filter(Boolean);
const cat = new Map<string, string[]>();
const add = (k: string, l: string) => { if (!cat.has(k)) cat.set(k, []); cat.get(k)!.push(l); };
for (const l of lines) {
  const w = l.split(' ');
  const f = lex.forms.get(w[0]!.toLowerCase().replace(/[^a-z-]/g, ''));
  if (/[0-9]/.test(l)) add('digit', l);
  else if (!f) add('noverb:' + (/^[A-Z][a-z]+ing$/.test(w[0]!) ? 'ing' : 'other'), l);
  else add('verb:' + f.base, l);
}
const arr = [...cat].sort((a, b) => b[1].length - a[1].length);
for (const [k, v] of arr) console.log(k, v.length);
if (process.argv[2]) for (const l of cat.get(process.argv[2]) ?? []) console.log('  ' + l);
