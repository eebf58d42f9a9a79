// The honesty properties of issue 5, as plain functions shared by the property tests and the
// corpus report: a rewrite adds no number, no capitalized word and no tool or organization name.
import type { BulletRewrite } from '../../src/pipeline/rewrite/rewrite-bullet.js';
import type { RewriteLexicon } from '../../src/taxonomy/load-lexicon.js';

const WORDS = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
const NUMBERS = /\p{Nd}+/gu;

export function numberMultiset(text: string): string[] {
  return (text.match(NUMBERS) ?? []).sort();
}

export function withoutSlots(r: BulletRewrite): string {
  let text = r.rewrite;
  for (const s of r.slots) text = text.replace(s.token, ' ');
  return text;
}

/** Returns the list of honesty violations; empty when the rewrite is honest. */
export function honestyViolations(r: BulletRewrite, lex: RewriteLexicon): string[] {
  const problems: string[] = [];
  const before = numberMultiset(r.original).join(' ');
  const after = numberMultiset(withoutSlots(r)).join(' ');
  if (before !== after) problems.push(`numbers changed: [${before}] -> [${after}]`);

  // "Â" is mojibake for a no-break space: the rewriter reads it as a separator, and so does this check.
  const originalWords = new Set([
    ...(r.original.match(WORDS) ?? []),
    ...(r.original.replace(/Â/g, ' ').match(WORDS) ?? []),
  ]);
  const originalLower = new Set([...originalWords].map((w) => w.toLowerCase()));
  const rewriteWords = withoutSlots(r).match(WORDS) ?? [];
  rewriteWords.forEach((w, i) => {
    if (!/\p{Lu}/u.test(w) || originalWords.has(w)) return;
    const l = w.toLowerCase();
    if (lex.allowedCapitalized.has(l)) return;
    if (i === 0 && originalLower.has(l)) return;
    problems.push(`capitalized word not in original or PM lexicon: ${w}`);
  });

  for (const name of lex.protectedNames) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
    if (re.test(r.rewrite) && !re.test(r.original)) problems.push(`added name: ${name}`);
  }
  if (r.slots.length && /\p{Nd}/u.test(r.original)) problems.push('slot added to a bullet that has a number');
  for (const s of r.slots) {
    if (!r.rewrite.includes(s.token)) problems.push(`slot ${s.token} listed but not in rewrite`);
    if (!s.question.endsWith('?')) problems.push(`slot ${s.token} without a question`);
  }
  return problems;
}

/** Grammar checks the issue names: doubled words, dangling "and", one closing period. */
export function grammarViolations(r: BulletRewrite): string[] {
  if (!r.rewrite) return [];
  const problems: string[] = [];
  const words = r.rewrite.split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    if (/^\p{L}+$/u.test(a) && a.toLowerCase() === b.toLowerCase()) problems.push(`doubled word: ${a} ${b}`);
  }
  if (/\b(and|or|&)\.$/i.test(r.rewrite)) problems.push('dangling conjunction');
  if (!r.rewrite.endsWith('.')) problems.push('no closing period');
  if (/\p{Ll}{2}\.\s*\p{Lu}\p{Ll}/u.test(r.rewrite.slice(0, -1))) problems.push('more than one sentence');
  return problems;
}
