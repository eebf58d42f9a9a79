// "Used X to track Y" puts the tool first and the work second: the work is what a PM recruiter reads
// for, so it moves forward ("Tracked Y using X"). Only the writer's own words move; "using" is the
// one word added, and it says what "used ... to" said. Heuristic: a form of use/utilize, an object of
// at most 8 tokens, "to" and a known base verb; the rest of the clause must be one short verb phrase
// (no second verb after "and", no list, no "etc.", at most 16 tokens), so "using X" can close it.
import type { RewriteLexicon } from '../../taxonomy/load-lexicon.js';
import type { RewriteChange } from './rewrite-bullet.js';
import { SUBORDINATORS, coreOf, isConnector, isWord, splitTok, stripTrailingPunct } from './text-tokens.js';

const USE_VERBS = new Set(['use', 'utilize', 'utilise', 'leverage']);
const MAX_OBJECT = 8;
const MAX_REST = 16;

/** The clause with the tool moved behind the work, or the clause as it was. */
export function moveInstrument(tokens: string[], lex: RewriteLexicon, changes: RewriteChange[]): string[] {
  const lead = tokens[0];
  if (lead === undefined || !isWord(lead) || splitTok(lead).post) return tokens;
  const f = lex.forms.get(coreOf(lead));
  if (!f || !USE_VERBS.has(f.base) || f.form === 'gerund') return tokens;
  const to = tokens.findIndex((t, i) => i > 0 && i <= MAX_OBJECT + 1 && coreOf(t) === 'to' && !splitTok(t).post && !splitTok(t).pre);
  if (to < 2) return tokens;
  const object = tokens.slice(1, to);
  // "in order to": the object would end in "in order".
  if (['order', 'able'].includes(coreOf(object.at(-1)!)) || object.some((t) => /[;:.]$/.test(t) || SUBORDINATORS.has(coreOf(t)))) return tokens;
  const verbTok = tokens[to + 1];
  const vf = verbTok !== undefined && isWord(verbTok) && !splitTok(verbTok).post ? lex.forms.get(coreOf(verbTok)) : undefined;
  if (!vf || vf.form !== 'base') return tokens;
  const rest = tokens.slice(to + 2);
  // A list after the verb ("tasks like transfers, holds, and disconnects"): "using X" would close the list.
  if (rest.length === 0 || rest.length > MAX_REST || rest.some((t) => /[;,]$/.test(t)) || /^etc/i.test(coreOf(rest.at(-1)!))) return tokens;
  // A second verb after "and" ("expand the base and follow up on leads"): "using X" would attach to it.
  for (let i = 1; i < rest.length; i++) {
    const nf = isConnector(rest[i - 1]!) ? lex.forms.get(coreOf(rest[i]!)) : undefined;
    if (nf && nf.form === 'base' && !lex.nounLikeVerbs.has(nf.base)) return tokens;
  }
  const last = rest.at(-1)!;
  const closing = splitTok(last).post;
  const objectText = stripTrailingPunct(object.join(' '));
  const out = [verbTok!, ...rest.slice(0, -1), stripTrailingPunct(last), 'using', ...objectText.split(' ')];
  out[out.length - 1] += closing;
  changes.push({ rule: 'use-to', from: tokens.slice(0, to + 2).join(' '), to: `${verbTok} ... using ${objectText}` });
  return out;
}
