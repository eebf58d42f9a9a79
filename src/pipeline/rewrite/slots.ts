// Visible slots where a number is missing: "[N]" right after the opening verb chain before a countable
// noun with its unit ("Trained [N] new hires"), "by [X%]" after the object of an improvement verb.
// Limits: only the first clause gets a slot, and never a bullet that already has a number.
import type { RewriteLexicon } from '../../taxonomy/load-lexicon.js';
import type { RewriteChange, RewriteSlot } from './rewrite-bullet.js';
import { DETERMINERS, OBJECT_STOPS, PREPOSITIONS, coreOf, isConnector, isWord, splitTok } from './text-tokens.js';

export function addSlots(
  tokens: string[],
  verb: string | undefined,
  lex: RewriteLexicon,
  changes: RewriteChange[],
  slots: RewriteSlot[],
): string[] {
  if (!verb) return tokens;
  const out = [...tokens];
  // End of the first clause: the first token closing with ";".
  let clauseEnd = out.findIndex((t) => /;$/.test(t));
  clauseEnd = clauseEnd < 0 ? out.length : clauseEnd + 1;

  // Count slot: right after the opening verb chain ("Trained [N] new hires").
  const leadForm = lex.forms.get(coreOf(out[0]!))?.form;
  let j = 1;
  // Skip coordinated verbs: "Coached and mentored [N] agents".
  while (
    j + 1 < clauseEnd &&
    isConnector(out[j]!) &&
    !splitTok(out[j - 1]!).post &&
    isWord(out[j + 1]!) &&
    lex.forms.get(coreOf(out[j + 1]!))?.form === leadForm
  )
    j += 2;
  const teamOf = ['a', 'team', 'of'];
  if (teamOf.every((w, k) => coreOf(out[j + k] ?? '') === w)) j += 3;
  else if (coreOf(out[j] ?? '') === 'team' && coreOf(out[j + 1] ?? '') === 'of') j += 2;
  // Up to two plain modifiers may stand before the counted noun: "[N] insurance claims".
  const modifier = (raw: string | undefined) =>
    raw !== undefined &&
    /^\p{Ll}[\p{Ll}-]*$/u.test(raw) &&
    !isConnector(raw) &&
    !PREPOSITIONS.has(raw) &&
    !DETERMINERS.has(raw) &&
    !['their', 'his', 'her', 'my', 'our', 'your', 'its', 'other', 'such'].includes(raw);
  const phraseAt = (at: number, phrase: string[]) =>
    phrase.every((w, k) => {
      const raw = out[at + k];
      return (
        raw !== undefined &&
        at + k < clauseEnd &&
        coreOf(raw) === w &&
        splitTok(raw).pre === '' &&
        (k === phrase.length - 1 || splitTok(raw).post === '')
      );
    });
  // The phrase must end the noun phrase: "[N] employees engaged in", not "[N] staff meetings".
  const endsPhrase = (at: number, phrase: string[]) => {
    const lastRaw = out[at + phrase.length - 1];
    const after = out[at + phrase.length];
    // "[N] out-sourced staff, suppliers, budget": the noun heads a list, and one count cannot cover it.
    if (lastRaw !== undefined && /^,/.test(splitTok(lastRaw).post) && after !== undefined && !lex.forms.has(coreOf(after))) {
      return false;
    }
    return (
      lastRaw !== undefined &&
      (/^[,;:.)]/.test(splitTok(lastRaw).post) ||
        after === undefined ||
        isConnector(after) ||
        PREPOSITIONS.has(coreOf(after)) ||
        (/(ing|ed)$/.test(coreOf(after)) && !lex.nounGerunds.has(coreOf(after))) ||
        ['who', 'that', 'per', 'daily', 'weekly', 'each'].includes(coreOf(after)))
    );
  };
  outer: for (let skip = 0; skip <= 2; skip++) {
    if (skip > 0 && !modifier(out[j + skip - 1])) break;
    const at = j + skip;
    // phraseAt fails unless the phrase starts with this word: compare it before the full check.
    const atCore = out[at] === undefined ? undefined : coreOf(out[at]);
    for (const s of lex.countSlots) {
      for (const phrase of s.phrases) {
        if (phrase[0] !== atCore) continue;
        if (phraseAt(at, phrase) && endsPhrase(at, phrase) && j > 0 && j < clauseEnd && !splitTok(out[j - 1]!).post) {
          out.splice(j, 0, s.token);
          clauseEnd++;
          slots.push({ token: s.token, question: s.question });
          changes.push({ rule: `slot:${s.id}`, from: '', to: s.token });
          break outer;
        }
      }
    }
  }

  // Outcome slot: an improvement verb gets "by [X%]" after its object.
  if (lex.outcomeSlot.verbs.has(verb)) {
    let k = 1;
    while (k < clauseEnd && !OBJECT_STOPS.has(coreOf(out[k]!)) && !/[,;:]$/.test(out[k]!)) k++;
    const stop = k < clauseEnd ? coreOf(out[k]!) : '';
    if (k < clauseEnd && /[,;:]$/.test(out[k]!) && !OBJECT_STOPS.has(stop)) k++;
    else if (stop === 'and') return out;
    if (k > 1 && stop !== 'by') {
      const last = out[k - 1]!;
      const { post } = splitTok(last);
      out[k - 1] = last.slice(0, last.length - post.length);
      out.splice(k, 0, 'by', lex.outcomeSlot.token + post);
      slots.push({ token: lex.outcomeSlot.token, question: lex.outcomeSlot.question });
      changes.push({ rule: 'slot:outcome', from: '', to: `by ${lex.outcomeSlot.token}` });
    }
  }
  return out;
}
