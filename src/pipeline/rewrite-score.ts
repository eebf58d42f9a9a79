// Grades one bullet 0-100 on five criteria a PM hiring manager reads for (docs/rewrites.md):
// action verb 30, specificity 20, quantification 20, outcome 15, PM relevance 15.
// Heuristic and text-only, so before and after are graded alike; a slot token earns nothing until filled.
import type { RewriteLexicon } from '../taxonomy/load-lexicon.js';

export interface BulletScore {
  total: number;
  actionVerb: number;
  specificity: number;
  quantification: number;
  outcome: number;
  pmRelevance: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&-]*/gu;
const OUTCOME =
  /\b(?:to (?:improve|increase|reduce|ensure|meet|maintain|achieve|guarantee|optimi[sz]e|enhance|minimi[sz]e|maximi[sz]e)|resulting in|resulted in|leading to|which led|so that|achiev\w*|exceed\w*|increas\w*|reduc\w*|improv\w*|sav(?:ed|ing)|grew|cut|lowered|shortened|boost\w*|decreas\w*|ensur\w*|on time|ahead of)\b/i;

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

function lowerWords(text: string): string[] {
  return words(text).map((w) => w.toLowerCase());
}

function firstNonFiller(ws: string[], lexicon: RewriteLexicon): string | undefined {
  for (const w of ws) if (!lexicon.leadFillers.has(w)) return w;
  return undefined;
}

// Same reading as the rewriter: the first word in any form of the opener's verb, and `onlyBefore`.
function weakOpening(ws: string[], lexicon: RewriteLexicon): boolean {
  let i = 0;
  while (i < ws.length - 1 && lexicon.leadFillers.has(ws[i]!)) i++;
  const firstBase = ws[i] === undefined ? undefined : lexicon.forms.get(ws[i]!)?.base;
  return lexicon.openers.some(
    (o) =>
      o.words.every(
        (w, k) => ws[i + k] === w || (k === 0 && firstBase !== undefined && lexicon.forms.get(w)?.base === firstBase),
      ) &&
      (!o.onlyBefore || o.onlyBefore.has(ws[i + o.words.length] ?? '')),
  );
}

/** The verb-like word a bullet opens with, after fillers such as "I" or "Successfully". */
export function openingWord(text: string, lexicon: RewriteLexicon): string | undefined {
  return firstNonFiller(lowerWords(text), lexicon);
}

/** True when the bullet opens with a phrase listed under weakOpeners. */
export function opensWeakly(text: string, lexicon: RewriteLexicon): boolean {
  return weakOpening(lowerWords(text), lexicon);
}

/** True when the bullet opens with a verb listed under strongVerbs, in any form. */
export function opensStrongly(text: string, lexicon: RewriteLexicon): boolean {
  const ws = lowerWords(text);
  const first = firstNonFiller(ws, lexicon);
  const verb = first ? lexicon.forms.get(first) : undefined;
  return verb !== undefined && lexicon.strong.has(verb.base) && !weakOpening(ws, lexicon);
}

export function scoreBullet(raw: string, lexicon: RewriteLexicon): BulletScore {
  // Mojibake and bullet glyphs carry no content: grade the words only.
  const text = raw.replace(/Â/g, ' ').replace(/^[^\p{L}\p{N}]+/u, '');
  const ws = words(text);
  if (ws.length === 0)
    return { total: 0, actionVerb: 0, specificity: 0, quantification: 0, outcome: 0, pmRelevance: 0 };
  const lower = ws.map((w) => w.toLowerCase());
  const first = firstNonFiller(lower, lexicon);
  const verb = first ? lexicon.forms.get(first) : undefined;
  let actionVerb = 0;
  if (weakOpening(lower, lexicon)) actionVerb = 0;
  else if (verb && lexicon.strong.has(verb.base)) actionVerb = 30;
  else if (verb) actionVerb = 15;

  const count = ws.length;
  const lengthPoints = count >= 6 && count <= 40 ? 10 : count >= 3 && count <= 60 ? 5 : 0;
  // A proper noun, tool or acronym after the first word; sentence starts and lexicon words do not count.
  const named =
    (text.match(/(?<![.;:!?]\s*)(?<=\s)\p{Lu}[\p{L}\p{N}&+-]+/gu) ?? []).some((w) => {
      const l = w.toLowerCase();
      return !lexicon.forms.has(l) && !lexicon.leadFillers.has(l) && !lexicon.allowedCapitalized.has(l);
    }) || lexicon.protectedNames.some((n) => text.includes(n));
  const specificity = lengthPoints + (named ? 10 : 0);

  const quantification = /\p{Nd}/u.test(text) ? 20 : 0;
  const outcome = OUTCOME.test(text) ? 15 : 0;

  const hits = lexicon.relevanceTerms.filter((t) => lower.some((w) => w.startsWith(t))).length;
  const pmRelevance = Math.min(15, hits * 5);

  return {
    total: actionVerb + specificity + quantification + outcome + pmRelevance,
    actionVerb,
    specificity,
    quantification,
    outcome,
    pmRelevance,
  };
}
