import { readFileSync } from 'node:fs';
import { loadLexicon } from '../src/taxonomy/load-lexicon.js';
import { rewriteBullet } from '../src/pipeline/rewrite/rewrite-bullet.js';
// @ts-ignore
import { loadLexicon as loadOld } from '/tmp/rw3-old/src/taxonomy/load-lexicon.js';
// @ts-ignore
import { rewriteBullet as rewriteOld } from '/tmp/rw3-old/src/pipeline/rewrite/rewrite-bullet.js';
const lexNew = loadLexicon('data/rewrite-lexicon.yaml');
const lexOld = loadOld('/tmp/rw3-old/data/rewrite-lexicon.yaml');
const recs = readFileSync('/tmp/rw3-before-corpus.txt', 'utf8').split('\n[').slice(1);
const bullets = recs.map((r) => ({ tense: (r.includes('(present)') ? 'present' : 'past') as 'past', text: r.split('\n').find((l) => l.startsWith('  - '))!.slice(4) }));
const pass = (fn: any, lex: any) => { const t = process.cpuUsage(); for (const b of bullets) fn(b.text, { tense: b.tense }, lex); const d = process.cpuUsage(t); return (d.user + d.system) / 1000; };
for (let i = 0; i < 5; i++) { pass(rewriteOld, lexOld); pass(rewriteBullet, lexNew); }
const o: number[] = [], n: number[] = [];
for (let i = 0; i < 21; i++) { if (i % 2) { o.push(pass(rewriteOld, lexOld)); n.push(pass(rewriteBullet, lexNew)); } else { n.push(pass(rewriteBullet, lexNew)); o.push(pass(rewriteOld, lexOld)); } }
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
console.log(`${bullets.length} bullets; median CPU ms per pass: old ${med(o).toFixed(1)}, new ${med(n).toFixed(1)}, ratio ${(med(n) / med(o)).toFixed(3)}`);
