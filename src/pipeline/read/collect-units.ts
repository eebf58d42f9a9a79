// Pass 3 of segmentation: the units of evidence and rewriting, as offsets into the text.
// Heuristic: every content line outside the contact block and role headers is a bullet, split where
// the PDF glued two bullets ("service.Displayed", "seminars Promoted", "beveragesCleaned", "Leadership
// Responsible for", "activities Sharing daily", "Delivery Assessing the", "incidents Plan and manage",
// "tasks Mastery of", "Code of Conduct Address associate", "cooperated with Ensured", "CO, 12/1986-05/1991
// Special Forces", "with: Client and client account leadership Commercial directors": a period with no
// space, or an opening verb, adverb, pronoun or item noun where a new bullet begins) and, when it holds
// several sentences (a paragraph), into sentences (kind "sentence"). Limits: a glue point before a noun
// not listed and not "-ion/-ure/... of" ("changes Innovation drive", "processes Closure of Background")
// or an unlisted bare verb is missed; a capitalized -ed/-ly/-es word after a lower-case one always splits
// ("led seven Downed Aircraft"); an abbreviation of three or more lower-case letters before a period
// ("approx.") splits, "etc. Take" does not. A span of time then a capitalized word ("6 months I lead")
// splits too, and so does a run-in subheading ("solution P&L Responsibilities for", "Key Achievements:",
// dropped when alone). A page number alone on its line ("1/4", "Page 2 of 3") is furniture, never a unit;
// other furniture is.
import type { Bullet, SectionKind } from '../../schemas/document.js';
import type { FoundRoles } from './find-roles.js';
import type { Line } from './split-sections.js';

// "procedures.Effectively", "Indexing .Managing": a lower-case word, a period, then a capitalized word.
const GLUED_PERIOD = /[a-z]{2} ?[.!?](?=[A-Z][a-z])/g;
// Function words: a capitalized word after one of these is a name ("the United States"), not a new bullet.
const FUNCTION_WORD =
  '(?:the|of|in|for|and|to|a|an|at|by|with|from|on|or|as|into|our|their|his|her|its|via|per|using|like|called|named|including)';
// Action verbs that open resume bullets and are rarely nouns, in the present tense; their -ing forms are
// derived. Ambiguous ones ("Plan", "Design", "Support", "Process") are left out on purpose.
const BARE_VERBS = [
  'Manage', 'Provide', 'Ensure', 'Identify', 'Facilitate', 'Drive', 'Develop', 'Coordinate', 'Assist',
  'Maintain', 'Prepare', 'Conduct', 'Create', 'Implement', 'Handle', 'Perform', 'Answer', 'Resolve',
  'Respond', 'Organize', 'Deliver', 'Oversee', 'Supervise', 'Communicate', 'Collaborate', 'Establish',
  'Analyze', 'Evaluate', 'Assess', 'Greet', 'Participate', 'Verify', 'Compile', 'Negotiate', 'Recruit',
  'Mentor', 'Administer', 'Install', 'Generate', 'Monitor', 'Interact', 'Promote', 'Prioritize',
  'Troubleshoot', 'Execute', 'Streamline', 'Initiate', 'Deploy', 'Liaise', 'Complete',
];
// Irregular past tenses and the usual opener "Responsible", which no -ed rule catches.
const OTHER_OPENERS = [
  'Ran', 'Built', 'Wrote', 'Led', 'Made', 'Took', 'Met', 'Kept', 'Sold', 'Taught', 'Oversaw', 'Drove', 'Won',
  'Brought', 'Sought', 'Spoke', 'Began', 'Responsible', 'Was', 'Were',
];
const VERB_FORMS = [
  ...BARE_VERBS.flatMap((v) => [v, /[^e]e$/.test(v) ? `${v.slice(0, -1)}ing` : `${v}ing`]),
  ...OTHER_OPENERS,
];
// "seminars Promoted", "promotions Effectively", "relationships Facilitate", "months We needed": a
// lower-case word then a capitalized -ed verb, -ly adverb, -es verb, action verb, or "We"/"My"/"Our".
const GLUED_WORD = new RegExp(
  `\\b(?!${FUNCTION_WORD}\\b)[a-z]{2,}(?=\\s+(?:[A-Z][a-z]*(?:ed|ally|ively|fully|ently|antly|ously|erly|ctly|izes|yzes|ifies|ages|ates|ures|ees)\\b|(?:${VERB_FORMS.join('|')})\\b|(?:We|My|Our)\\s|(?:This|These)\\s+[a-z]|[A-Z][a-z]{3,}ly\\s+[a-z]+ed\\b))`,
  'g',
);
// "Service Delivery Assessing the", "Lead Establish formal": an action verb from the list after a
// capitalized word or a number inside the line, when a lower-case word follows ("Quality Monitoring
// Analyst" and "Also Managed the" at the start of a line stay whole).
const GLUED_AFTER_NAME = new RegExp(`(?:\\b[A-Z][A-Za-z]+|\\d)(?=\\s+(?:${VERB_FORMS.join('|')}|[A-Z][a-z]+ed)\\s+[a-z\\d])`, 'g');
// "incidents Plan and manage", "survey Design and deploy": a capitalized word, "and", then an action verb.
const GLUED_PAIR = new RegExp(
  `\\b(?!${FUNCTION_WORD}\\b)[a-z]{3,}(?=\\s+[A-Z][a-z]+\\s+and\\s+(?:${BARE_VERBS.map((v) => v.toLowerCase()).join('|')})\\b)`,
  'g',
);
const AND_VERB = new RegExp(`\\sand\\s+(?:${BARE_VERBS.map((v) => v.toLowerCase()).join('|')})\\b`);
// "Engagement Leadership Responsible for negotiation": "Responsible for" opens a bullet whatever word
// comes before it, except a function word ("and Responsible for").
const GLUED_RESPONSIBLE = new RegExp(`\\b(?!${FUNCTION_WORD}\\b)[A-Za-z]{2,}(?=\\s+Responsible for\\b)`, 'g');
// "Recognition activities Sharing daily updates": a plural lower-case word, then a capitalized -ing word
// and a lower-case word. Singular words are left alone: "digital Marketing campaigns" is one phrase.
const GLUED_GERUND = new RegExp(`\\b(?!${FUNCTION_WORD}\\b)[a-z]{2,}[^s\\W]s(?=\\s+[A-Z][a-z]{2,}ing\\s+[a-z])`, 'g');
// "articles for publication Supporting the development": after a singular word too, when a determiner
// follows the -ing word ("digital Marketing campaigns" has none).
const GLUED_GERUND_DETERMINER = new RegExp(
  `\\b(?!${FUNCTION_WORD}\\b)[a-z]{3,}(?=\\s+[A-Z][a-z]{2,}ing\\s+(?:the|a|an|all|our|new)\\s)`,
  'g',
);
// "recommendations Support in carrying out", "design processes Work in close coordination": a verb left
// out of the list above for being a noun too, after a plural lower-case word and before a preposition.
const AMBIGUOUS_VERBS = ['Support', 'Work', 'Address', 'Plan', 'Design', 'Process', 'Review', 'Track', 'Schedule', 'Train', 'Lead', 'Report'];
const AMBIGUOUS_VERB = new RegExp(`\\s(?:${AMBIGUOUS_VERBS.join('|')})\\s`);
const GLUED_AMBIGUOUS = new RegExp(
  `\\b(?!${FUNCTION_WORD}\\b)[a-z]{2,}[^s\\W]s(?=\\s+(?:${AMBIGUOUS_VERBS.join('|')})\\s+(?:in|to|with|on|for|the|all)\\s)`,
  'g',
);
// "tasks Mastery of customer", "skills Exposure to all", "activities Induction of new", "complaints Overall
// accountability", "environment Up keep": a noun that opens a resume item (a summary noun, or a noun in
// -ion/-ure/-ery/-ent/-ance/-ence/-ment/-ship/-ity then "of"/"to" and a lower-case word) capitalized after a
// lower-case word. "Department of Labor" and "all Manager of Customer Support" stay whole: a capital follows.
const NOUN_OPENERS = [
  'Mastery', 'Exposure', 'Recipient', 'Knowledge', 'Expertise', 'Proficiency', 'Overall', 'Up\\s+keep',
  'Key\\s+(?:deliverables?|responsibilit(?:y|ies)|duties|tasks?)',
];
const GLUED_NOUN = new RegExp(
  `\\b(?!${FUNCTION_WORD}\\b)[a-z]{2,}(?=\\s+(?:(?:${NOUN_OPENERS.join('|')})\\s+[a-z]|[A-Z][a-z]+(?:ion|ure|ery|ent|ance|ence|ment|ship|ity)\\s+(?:of|to)\\s+[a-z]))`,
  'g',
);
const NOUN_OPENER_HINT = new RegExp(`\\s(?:${NOUN_OPENERS.join('|')}|[A-Z][a-z]+(?:ion|ure|ery|ent|ance|ence|ment|ship|ity)\\s+(?:of|to))\\s`);
// "Code of Conduct Address associate grievances": a noun-like verb after a capitalized word, with an
// object ending in a plural ("IP Address ranges" and "Email Address lists" stay whole).
const GLUED_AMBIGUOUS_AFTER_NAME = new RegExp(
  `\\b(?!(?:IP|MAC|E-?mail|Mailing|Web|Home|Billing|Shipping|Postal|Street|Return|The|A|An|Our|Your|This)\\b)[A-Z][A-Za-z]+(?=\\s+(?:${AMBIGUOUS_VERBS.join('|')})\\s+[a-z]{3,}\\s+[a-z]{2,}s\\b)`,
  'g',
);
// "cooperated with Ensured superior customer experience": a source bullet that stops on a preposition
// before the next one opens with a capitalized -ed verb ("and Coordinated construction" is one sentence;
// "with Limited", "for Registered nurses", "with Managed care" are adjectives, left whole).
const GLUED_AFTER_PREPOSITION =
  /\b(?:with|to|for|from|by)(?=\s+(?!(?:Limited|United|Registered|Licensed|Certified|Advanced|Qualified|Skilled|Talented|Dedicated|Experienced|Detailed|Related|Preferred|Selected|Automated|Integrated|Distributed|Managed|Assisted|Fred|Ahmed|Mohammed|Mohamed|Need|Speed|Seed|Feed|Reed|Breed)\b)[A-Z][a-z]+ed\s+[a-z]{3,})/g;
// "Lowry AFB, CO, 12/1986-05/1991 Special Forces, ...": entries of a list written on one line, each
// closed by its numeric date range.
const GLUED_AFTER_RANGE = /\b\d{1,2}\/(?:19|20)\d{2}\s*[-–]\s*(?:\d{1,2}\/(?:19|20)\d{2}|Present|Current)(?=\s+[A-Z][a-z])/g;
// "reviews with: Client and client account leadership Commercial directors Relevant executives": after a
// lead-in ending on a lower-case word and a colon, the sub-items of a list run together; each starts at a
// capitalized word between two lower-case words ("and Compliance Analyst", "phones Monday through" stay).
const LEAD_IN_COLON = /\b[a-z]{2,}:\s+[A-Z]/;
const DAY_OR_MONTH = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December';
const GLUED_SUB_ITEM = new RegExp(`\\b(?!${FUNCTION_WORD}\\b)[a-z]{3,}(?=\\s+(?!(?:${DAY_OR_MONTH})\\b)[A-Z][a-z]+\\s+[a-z])`, 'g');
// "company policies; Answered passengers' questions", "new flight attendants; Participating in training":
// a semicolon, then a capitalized opening verb, starts the next item ("; performing all duties" does not).
const GLUED_SEMICOLON = new RegExp(`;(?=\\s+(?:${VERB_FORMS.join('|')}|[A-Z][a-z]+ed)\\s+[a-z])`, 'g');
// "beveragesCleaned": a capitalized -ed verb glued to the previous word with no space at all.
const GLUED_NO_SPACE = /[a-z]{3}(?=[A-Z][a-z]{2,}ed\b)/g;
// A sentence end inside a line: "months. We needed", "Lisle. Develop", "new space . Run weekly" (a space
// before the period), not "U.S. Army" or "etc. Excel".
const SENTENCE_END =
  /\b(?!(?:etc|inc|ltd|vs|approx|no|dept|corp|co|jr|sr|st|mr|mrs|ms|dr|Inc|Ltd|Corp|Co|Jr|Sr|St|Mr|Mrs|Ms|Dr|No)\b)[A-Za-z][a-z)]{2,} ?[.!?](?=\s+["“(]?[A-Z])/g;
// "(March2006-September2007.) Received numerous medals": a sentence ending inside a parenthesis.
const PAREN_END = /[a-z\d][.!?]\)(?=\s+[A-Z][a-z])/g;
// "Duration of project - 6 months I lead a team", "in last 2 years Overall contract margin": a span of
// time, then a capitalized word that opens the next clause (not a month: "6 months Jan 2019").
const GLUED_AFTER_SPAN = new RegExp(
  `\\b\\d+(?:\\.\\d+)?\\s+(?:months?|years?|weeks?|days?)(?=\\s+(?!(?:${Object.keys({ Jan: 0, Feb: 0, Mar: 0, Apr: 0, May: 0, Jun: 0, Jul: 0, Aug: 0, Sep: 0, Oct: 0, Nov: 0, Dec: 0 }).join('|')})[a-z]*\\b)(?:I|[A-Z][a-z]+)\\s+[a-z])`,
  'g',
);
// "stay interviews) Building Employee Connect": a parenthesis closed, then a capitalized -ing verb.
const GLUED_AFTER_PAREN = /\)(?=\s+[A-Z][a-z]{2,}ing\s+[A-Za-z])/g;
// A subheading run into the text: "winning solution P&L Responsibilities for the account", "Hyderabad,
// India Responsibilities End to end", "Key Achievements: Was given". The heading word (with one modifier)
// opens a new piece unless it ends the line ("Core Accomplishments"), a colon after it closes that piece,
// and a piece that is only "Heading:" is dropped like a subheading line.
const HEADING_WORD = '(?:Responsibilities|Achievements|Accomplishments)\\b';
const HEADING_MODIFIER = '(?:Key|Main|Major|Primary|Job|Other|Additional|Daily|P&L)\\s+';
const GLUED_HEADING = new RegExp(
  `(?<![\\w&])(?!(?:${FUNCTION_WORD}|Key|Main|Major|Primary|Job|Other|Additional|Daily|P&L)(?![\\w&]))[\\w&)]+[.,;]?(?=\\s+(?:${HEADING_MODIFIER})?${HEADING_WORD}(?:\\s*:|\\s+\\S))`,
  'g',
);
const HEADING_WORD_ANYWHERE = /Responsibilities|Achievements|Accomplishments/;
const HEADING_COLON = new RegExp(`(?<![\\w&])(?:${HEADING_MODIFIER})?${HEADING_WORD}\\s*:`, 'g');
// moderncv's "␣" item glyph: at a line start it is dropped, inside a line it starts the next item
// ("␣ Item 3 ␣ Item 6" from two columns).
const ITEM_GLYPH = /\s(?=␣\s)/g;
const LEAD = /^[\s␣]*/;
const SUBHEADING = /^.{1,60}:$/;
/** A short line ending in a colon; the endsWith test spares the anchored scan on every other line. */
const isSubheading = (s: string): boolean => s.endsWith(':') && SUBHEADING.test(s);
// Page furniture: a page number alone on its line ("1/4", "Page 2 of 3", "- 2 -", "2").
const PAGE_NUMBER = /^\s*(?:(?:page\s*)?\d{1,3}\s*(?:\/|of)\s*\d{1,3}|page\s+\d{1,3}|-\s*\d{1,3}\s*-|\d{1,3})\s*$/i;

interface Piece {
  start: number;
  end: number;
  kind: 'bullet' | 'sentence';
}

// Most scans of a line find nothing: they share this empty list rather than allocate one each (splitLine
// runs some twenty scans per line).
const NONE: readonly number[] = [];
const NO_SENTENCES: ReadonlySet<number> = new Set();

/** Cut points (offsets into `s`) where `re` matches end. */
function cutsOf(s: string, re: RegExp): readonly number[] {
  re.lastIndex = 0;
  let m = re.exec(s);
  if (!m) return NONE;
  const out: number[] = [];
  for (; m; m = re.exec(s)) out.push(m.index + m[0].length);
  return out;
}

/** Pushes onto `out` the cut points of `re` in `s` past `after` (straight into one list: no list per scan). */
function pushCuts(out: number[], s: string, re: RegExp, after = -1): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const cut = m.index + m[0].length;
    if (cut > after) out.push(cut);
  }
}

/** Pushes the cut points of GLUED_SUB_ITEM after the first lead-in colon of `s` ("... include: A ... B"), if any. */
function pushCutsAfterLeadIn(out: number[], s: string): void {
  const m = LEAD_IN_COLON.exec(s);
  if (!m) return;
  GLUED_SUB_ITEM.lastIndex = m.index + m[0].length;
  for (let g = GLUED_SUB_ITEM.exec(s); g; g = GLUED_SUB_ITEM.exec(s)) out.push(g.index + g[0].length);
}

/** End of the line's first word: a glue point there would only cut off an opener ("Also Managed"). */
function firstWordEnd(s: string): number {
  const m = /^\s*\S+/.exec(s);
  return m ? m[0].length : 0;
}

// Every glue and sentence pattern above but ITEM_GLYPH and HEADING_COLON needs a capital letter past the
// line's first character (the word that opens the next piece, or what follows a heading word): a line
// without one and without a heading word, as most wrapped bullet lines are, can hold no other cut.
const INNER_CAPITAL = /.[A-Z]/s;
// A capitalized word after a blank that can open a glued piece: an -ed/-ly/-es word, an action verb, a
// pronoun ("Responsible" is an opener). GLUED_WORD, GLUED_AFTER_NAME, GLUED_AFTER_PREPOSITION,
// GLUED_SEMICOLON and GLUED_RESPONSIBLE each need one, and most lines have none: this one test spares
// their scans (GLUED_WORD's and GLUED_AFTER_NAME's the costliest of all).
const OPENER_AFTER_BLANK = new RegExp(
  `\\s(?:[A-Z][a-z]*(?:ed|ly|izes|yzes|ifies|ages|ates|ures|ees)\\b|(?:${VERB_FORMS.join('|')})\\b|(?:We|My|Our|This|These)\\s)`,
);
// Necessary conditions of the other scans, in the order splitLine runs them.
const PERIOD_HINT = /[.!?][A-Z]/;
const NO_SPACE_HINT = /[a-z][A-Z]/;
const GERUND_HINT = /s\s+[A-Z][a-z]{2,}ing\s/;
const GERUND_DETERMINER_HINT = /\s[A-Z][a-z]{2,}ing\s+(?:the|a|an|all|our|new)\s/;
const RANGE_HINT = /\d\/(?:19|20)\d\d\s*[-–]/;
const DIGIT = /\d/;
const SENTENCE_HINT = /[.!?]\s/;

/** Splits one line's span into bullets at glue points, and those into sentences. */
function splitLine(text: string, start: number, end: number): Piece[] {
  const s = text.slice(start, end);
  const heading = HEADING_WORD_ANYWHERE.test(s);
  if (!heading && !INNER_CAPITAL.test(s)) return piecesOf(s, start, s.includes('␣') ? cutsOf(s, ITEM_GLYPH) : NONE, NO_SENTENCES);
  const opener = firstWordEnd(s);
  // Each scan is skipped when a cheap necessary condition of its pattern fails: the units are the same,
  // and most lines hold none of the rarer glue points. A one-character includes() costs next to nothing
  // beside a regex test, so it goes first where a pattern needs that character; a test shared by two
  // scans runs once.
  const stop = s.includes('.') || s.includes('!') || s.includes('?');
  const paren = s.includes(')');
  const ambiguous = AMBIGUOUS_VERB.test(s);
  const gerund = s.includes('ing');
  const opens = OPENER_AFTER_BLANK.test(s);
  const glue: number[] = [];
  if (stop && PERIOD_HINT.test(s)) pushCuts(glue, s, GLUED_PERIOD);
  if (opens) pushCuts(glue, s, GLUED_WORD);
  if (NO_SPACE_HINT.test(s)) pushCuts(glue, s, GLUED_NO_SPACE);
  if (opens && s.includes('Responsible for')) pushCuts(glue, s, GLUED_RESPONSIBLE);
  if (gerund && GERUND_HINT.test(s)) pushCuts(glue, s, GLUED_GERUND);
  if (gerund && GERUND_DETERMINER_HINT.test(s)) pushCuts(glue, s, GLUED_GERUND_DETERMINER);
  if (ambiguous) pushCuts(glue, s, GLUED_AMBIGUOUS);
  if (opens && s.includes(';')) pushCuts(glue, s, GLUED_SEMICOLON);
  if (NOUN_OPENER_HINT.test(s)) pushCuts(glue, s, GLUED_NOUN);
  if (s.includes(':')) pushCutsAfterLeadIn(glue, s);
  if (ambiguous) pushCuts(glue, s, GLUED_AMBIGUOUS_AFTER_NAME, opener);
  if (opens) pushCuts(glue, s, GLUED_AFTER_PREPOSITION);
  if (s.includes('/') && RANGE_HINT.test(s)) pushCuts(glue, s, GLUED_AFTER_RANGE);
  if (opens) pushCuts(glue, s, GLUED_AFTER_NAME, opener);
  if (s.includes('and') && AND_VERB.test(s)) pushCuts(glue, s, GLUED_PAIR);
  if (DIGIT.test(s)) pushCuts(glue, s, GLUED_AFTER_SPAN);
  if (s.includes('␣')) pushCuts(glue, s, ITEM_GLYPH);
  if (paren && gerund) pushCuts(glue, s, GLUED_AFTER_PAREN, opener);
  if (heading) {
    pushCuts(glue, s, GLUED_HEADING);
    pushCuts(glue, s, HEADING_COLON);
  }
  const sentenceCuts: number[] = [];
  if (stop && SENTENCE_HINT.test(s)) pushCuts(sentenceCuts, s, SENTENCE_END);
  if (paren && stop) pushCuts(sentenceCuts, s, PAREN_END);
  return piecesOf(s, start, glue, sentenceCuts.length === 0 ? NO_SENTENCES : new Set(sentenceCuts));
}

/** The pieces of line `s` (at `start` in the text) between its glue and sentence cuts. */
function piecesOf(s: string, start: number, glue: readonly number[], sentence: ReadonlySet<number>): Piece[] {
  const cuts = glue.length === 0 && sentence.size === 0 ? NONE : [...new Set([...glue, ...sentence])].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  let from = 0;
  for (let k = 0; k <= cuts.length; k++) {
    const cut = k < cuts.length ? cuts[k]! : s.length;
    const raw = s.slice(from, cut);
    const lead = LEAD.exec(raw)![0].length;
    const body = raw.slice(lead).trimEnd();
    // A piece cut out of a line that is only "Key Achievements:" is a subheading, like such a line.
    if (body.length > 0 && !(cuts.length > 0 && isSubheading(body))) {
      const kind = sentence.has(cut) || (cut === s.length && sentence.has(from)) ? 'sentence' : 'bullet';
      pieces.push({ start: start + from + lead, end: start + from + lead + body.length, kind });
    }
    from = cut;
  }
  return pieces;
}

export function collectUnits(
  text: string,
  lines: Line[],
  kindOf: (section: number) => SectionKind,
  found: FoundRoles,
): Bullet[] {
  const spans: Array<{ start: number; end: number; section: SectionKind; roleIndex: number | undefined }> = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.section === undefined) continue;
    const section = kindOf(l.section);
    if (section === 'contact' || found.headerLines.has(i) || isSubheading(l.text) || PAGE_NUMBER.test(l.text)) continue;
    const start = l.start + (l.text.startsWith('• ') ? 2 : 0);
    if (start < l.end) spans.push({ start, end: l.end, section, roleIndex: found.roleOfLine[i] });
  }
  for (const t of found.tails) {
    spans.push({ start: t.start, end: t.end, section: kindOf(lines[t.line]!.section!), roleIndex: found.roleOfLine[t.line] });
  }
  spans.sort((a, b) => a.start - b.start);
  // Each bullet is made once, with its id, in the response's key order (it was made, then copied to
  // carry its role, then copied again for its id).
  const bullets: Bullet[] = [];
  for (const span of spans) {
    for (const p of splitLine(text, span.start, span.end)) {
      const bullet: Bullet = { id: `b${bullets.length + 1}`, text: text.slice(p.start, p.end), start: p.start, end: p.end, kind: p.kind, section: span.section };
      if (span.roleIndex !== undefined) bullet.roleIndex = span.roleIndex;
      bullets.push(bullet);
    }
  }
  return bullets;
}
