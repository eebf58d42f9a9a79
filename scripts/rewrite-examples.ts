// Regenerates the before/after table of README.md from the dev corpus by running the rewriter.
// The bullets are chosen by hand (file + opening words) to show strong and difficult cases; every
// "after", rule list and score is produced by the code, never typed. Run: npx tsx scripts/rewrite-examples.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { rewriteBullet } from '../src/pipeline/rewrite/rewrite-bullet.js';
import { loadLexicon } from '../src/taxonomy/load-lexicon.js';
import { corpusBullets } from '../test/pipeline/corpus-bullets.js';

const DOC = new URL('../README.md', import.meta.url);
const lexicon = loadLexicon(new URL('../data/rewrite-lexicon.yaml', import.meta.url).pathname);

/** [kind, file fragment, opening words, why it is here] */
const PICKS: [string, string, string, string][] = [
  ['strong', '', 'Ability to quickly assess', 'weak opener; current role, so present tense; count slot'],
  ['strong', '', 'Assisted with the development', '"assisted with" becomes "contributed to", not a verb of ownership'],
  ['strong', '', 'Properly directed inbound calls', 'filler dropped; phone queues read as request queues; count slot'],
  ['strong', '', 'Trained new employees on company', '"trained new employees" read as onboarding'],
  ['strong', '', 'Worked closely with HR business', '"worked with" becomes "collaborated with"'],
  ['strong', '', 'Assisted customer service with inbound', 'support verb kept honest; inquiries read as requests'],
  ['strong', '', 'Led a team of customer service', 'team size missing: [N] after "a team of"'],
  ['strong', '', 'Trained new hires and', 'mojibake removed; present tense; onboarding'],
  ['strong', '', 'Â· Responsible for meeting claims', 'gerund after the opener becomes the verb; 200 kept'],
  ['strong', '', 'Responsibilities include creating, editing', 'a list of gerunds becomes a list of verbs'],
  ['strong', '', 'Helped customers select products', '"helped X select" becomes "guided X to select"; "needs" lets customers read as clients, arguable in retail'],
  ['strong', '', 'Build and maintain quality relations', 'tense of a past role; customers read as clients where relationships are named'],
  ['strong', '', 'Streamlining the process as per COPC', 'CSAT kept as written and explained'],
  ['strong', '', 'Resolved customer complaints by exchanging', 'retail context: complaints become escalations, customers stay customers'],
  ['difficult', '', 'Maintained detailed administrative', 'two sentences glued by the PDF: joined into one, filler dropped'],
  ['difficult', '', 'Ability to handle high volume', 'line cut by the PDF: "to the proper" stays unfinished (nothing is invented), and the writer\'s own "concluded" keeps its tense'],
  ['difficult', '', 'Proficient in Windows', 'a skills line under a role: tool names kept exactly as written'],
  ['difficult', '', 'Manage escalated risks and issues', '"issues" after "and" is a noun, not a verb to re-inflect'],
  ['difficult', '', 'Took necessary steps to meet', 'no honest strong verb for "took steps": left as written'],
  ['difficult', '', 'Experienced in working in fast', 'counted as a miss: "worked" is not a PM verb, and no stronger one is true'],
];

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

const bullets = corpusBullets();
const rows = PICKS.map(([kind, file, start, why], i) => {
  const b = bullets.find((x) => x.file.includes(file) && x.text.trim().startsWith(start));
  if (!b) throw new Error(`pick ${i + 1} not found: ${file} "${start}"`);
  const r = rewriteBullet(b.text, { tense: b.current ? 'present' : 'past' }, lexicon);
  const rules = [...new Set(r.changes.map((c) => c.rule))].join(', ') || '(none)';
  const slots = r.slots.map((s) => `${s.token}: ${s.question}`).join(' ');
  return `| ${i + 1} | ${kind} | ${cell(b.file.replace(/\.txt$/, ''))}${b.current ? ' (current)' : ''} | ${cell(b.text)} | ${cell(r.rewrite)} | ${cell(rules)}${slots ? ` — ${cell(slots)}` : ''} | ${r.scoreBefore} → ${r.scoreAfter} | ${cell(why)} |`;
});

const table = [
  '| # | case | resume | before | after | rules applied (and slot questions) | score | why it is here |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
const doc = readFileSync(DOC, 'utf8');
const out = doc.replace(
  /<!-- examples:start -->[\s\S]*<!-- examples:end -->/,
  `<!-- examples:start -->\n${table}\n<!-- examples:end -->`,
);
writeFileSync(DOC, out);
console.log(table);
