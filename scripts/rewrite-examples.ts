// Regenerates the before/after table of README.md from the dev corpus by running the rewriter.
// The bullets are chosen by hand (file + opening words) to show strong and difficult cases; every
// "after", rule list and score is produced by the code, never typed. Run: npx tsx scripts/rewrite-examples.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { rewriteBullet } from '../src/pipeline/rewrite/rewrite-bullet.js';
import { skipReason } from '../src/pipeline/rewrite/skip-bullet.js';
import { loadLexicon } from '../src/taxonomy/load-lexicon.js';
import { corpusBullets } from '../test/pipeline/corpus-bullets.js';

const DOC = new URL('../README.md', import.meta.url);
const lexicon = loadLexicon(new URL('../data/rewrite-lexicon.yaml', import.meta.url).pathname);

/** [kind, file fragment, opening words, why it is here] */
const PICKS: [string, string, string, string][] = [
  ['strong', '', 'Responsible for claims processing', 'weak opener: the activity noun becomes the verb\'s object'],
  ['strong', '', 'Provided assistance to customers', '"provided assistance to" is "assisted": shorter, same claim; count slot'],
  ['strong', '', 'Taking escalated calls', 'gerund fragment becomes a past verb; "took" calls read as handled; count slot'],
  ['strong', '', 'Secures insurance authorizations', 'one tense for the whole chain: "updates" is a verb here, not a noun'],
  ['strong', '', 'Work with implementation', '"work with" becomes "collaborated with"; the rest keeps the writer\'s words'],
  ['strong', '', 'Mentored and guided associates', 'count slot after the whole verb chain; customers read as clients where expectations are named; two alternatives'],
  ['strong', '', 'Participate in the development of', 'support opener: "contributed to", never a verb of ownership'],
  ['strong', '', 'Translated business goals', 'customer needs read as client needs (no retail context)'],
  ['strong', '', 'Answered incoming calls', 'count slot before a countable noun with its unit'],
  ['strong', '', 'Responsible for immediate responses', 'weak opener replaced; the object stays as written'],
  ['difficult', '', 'Planned, organized and led seven', 'current role, but completed work: stays in the past (the old code wrote "Plan, organize and lead")'],
  ['difficult', '', 'Ensured work requests were properly', 'current role with a passive: stays in the past'],
  ['difficult', '', 'Resolved customer complaints by exchanging', 'retail complaints were not escalated: "complaints" stays'],
  ['difficult', '', 'Assist passengers while entering', 'people as the object: "assisted", not "supported" (which would change the meaning)'],
  ['difficult', '', 'handling out-sourced staff', 'no [N] before a list: one count cannot cover staff, suppliers and budget'],
  ['difficult', '', 'I review and ensure that', 'the clause after "that" keeps its own tense'],
  ['difficult', '', 'I am working on blocks', '"I" is not dropped before "am": nothing else changes'],
  ['difficult', '', 'Assistant Manager', 'a job title is a fact: skipped, reported in rewriteSkipped[]'],
  ['difficult', '', 'COMMUNITY KITCHEN STUDENT', 'a heading-like line: skipped'],
  ['difficult', '', 'Experienced in working in fast', 'counted as a miss: "worked" is not a PM verb, and no stronger one is true'],
];

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

const bullets = corpusBullets();
const rows = PICKS.map(([kind, file, start, why], i) => {
  // Opening words are matched after the glyphs and mojibake ("Â· ") that some PDFs put first.
  const b = bullets.find((x) => x.file.includes(file) && x.text.replace(/^(?:Â|[^\p{L}])+/u, '').startsWith(start));
  if (!b) throw new Error(`pick ${i + 1} not found: ${file} "${start}"`);
  const where = `${cell(b.file.replace(/\.txt$/, ''))}${b.current ? ' (current)' : ''}`;
  const skipped = skipReason(b.text, lexicon);
  if (skipped) return `| ${i + 1} | ${kind} | ${where} | ${cell(b.text)} | (not rewritten) | skipped: ${skipped} | | | ${cell(why)} |`;
  const r = rewriteBullet(b.text, { tense: b.current ? 'present' : 'past' }, lexicon);
  const rules = [...new Set(r.changes.map((c) => c.rule))].join(', ') || '(none)';
  const slots = r.slots.map((s) => `${s.token}: ${s.question}`).join(' ');
  const alternatives = r.alternatives.map((a) => `${a.framing}: ${cell(a.rewrite)}`).join('<br>');
  return `| ${i + 1} | ${kind} | ${where} | ${cell(b.text)} | ${cell(r.rewrite)} | ${cell(rules)}${slots ? ` — ${cell(slots)}` : ''} | ${alternatives} | ${r.scoreBefore} → ${r.scoreAfter} | ${cell(why)} |`;
});

const table = [
  '| # | case | resume | before | after | rules applied (and slot questions) | alternatives | score | why it is here |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
const doc = readFileSync(DOC, 'utf8');
const out = doc.replace(
  /<!-- examples:start -->[\s\S]*<!-- examples:end -->/,
  `<!-- examples:start -->\n${table}\n<!-- examples:end -->`,
);
writeFileSync(DOC, out);
console.log(table);
