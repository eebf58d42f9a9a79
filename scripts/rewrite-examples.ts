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
  ['strong', '', 'Responsible for claims processing', 'buried PM object moved forward: "claims processing" becomes "Processed claims" (no slot: the bullet has numbers)'],
  ['strong', '', 'Properly directed inbound calls', 'filler dropped, count slot, call queues read as request queues; no "by [X%]" on call flow, which has no measure'],
  ['strong', '', 'I also used XL sheet', 'the work before the tool: "used X to track Y" becomes "Tracked Y using X"'],
  ['strong', '', 'Established and maintained proper high traffic', 'a stated result gets its size as a question: "a [X%] increase in sales"'],
  ['strong', '', 'Streamlined the SLA reporting', 'a streamlined process: "cutting [metric] by [X%]", one question per slot'],
  ['strong', '', 'Managed boarding process for new customers', 'the people served get a count slot after "for": "for [N] new customers"'],
  ['strong', '', 'Led a team of customer service', 'count slot in "a team of [N]"; no outcome slot: the profit was the team\'s goal, not a stated result'],
  ['strong', '', 'Activities include managing', 'duty opener: the gerund list becomes one chain of past verbs'],
  ['strong', '', 'Effectively managed a high-volume', 'a volume the writer called high gets its number as a question: "([N] per day)"; the filler goes'],
  ['strong', '', 'Scheduling of trainings', 'a duty written as a noun ("Scheduling of") becomes its verb; count slot on the trainings'],
  ['strong', '', 'Identified chronic customer issues by', 'the act before the result: "Identified X by creating Y" becomes "Created Y, identifying X"'],
  ['difficult', '', 'Efficient in registration of patients', 'a skill claim stays as written (the old code wrote "Manage registration of patients")'],
  ['difficult', '', 'Planned, organized and led seven', 'current role, but completed work: stays in the past'],
  ['difficult', '', 'Open ans assign', 'the typo "ans" read as "and", so the verb chain keeps one tense (a reader found "Opened ans assign")'],
  ['difficult', '', 'Resolved customer complaints by exchanging', 'retail complaints were not escalated: "complaints" stays; the means stay behind: "Exchanged merchandise ..." would trade the strong verb "resolved" for a plain one'],
  ['difficult', '', 'Assist passengers while entering', 'people as the object: "assisted", not "supported" (which would change the meaning)'],
  ['difficult', '', 'handling out-sourced staff', 'no [N] before a list: one count cannot cover staff, suppliers and budget'],
  ['difficult', '', 'Digitally manipulated images', 'no "by [X%]" on photo quality: an outcome slot goes only where the object has a measure'],
  ['difficult', '', 'Assistant Manager', 'a job title is a fact: skipped, reported in rewriteSkipped[]'],
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
