// Skills and languages: the entries of skills sections split into items, and the spoken languages
// listed in a "Languages" section or on a "Languages:" line.
// Heuristic: items are separated by commas, semicolons, bullets or pipes; a "Label:" prefix
// ("Technical Skills:", "Tools:") is dropped; an item longer than six words is a sentence, not a skill.
// A language item is one naming a language from the list below, its level the rest ("(Native)",
// "Fluent"). Limits: a skills paragraph written as prose gives no items; unlisted languages are missed.
import type { Language, Section, TextSpan } from '../../schemas/document.js';
import { linesIn, type Region, spanOf, splitRegion } from './text-span.js';

// Data: languages commonly listed on resumes.
const LANGUAGE_NAMES = [
  'English', 'Spanish', 'French', 'German', 'Italian', 'Portuguese', 'Dutch', 'Russian', 'Polish', 'Ukrainian',
  'Turkish', 'Arabic', 'Hebrew', 'Persian', 'Farsi', 'Hindi', 'Urdu', 'Bengali', 'Punjabi', 'Tamil', 'Telugu',
  'Marathi', 'Gujarati', 'Kannada', 'Malayalam', 'Chinese', 'Mandarin', 'Cantonese', 'Japanese', 'Korean',
  'Vietnamese', 'Thai', 'Indonesian', 'Malay', 'Tagalog', 'Filipino', 'Swahili', 'Amharic', 'Greek', 'Swedish',
  'Norwegian', 'Danish', 'Finnish', 'Czech', 'Romanian', 'Hungarian', 'Kurdish', 'Shona', 'Ndebele', 'Zulu',
  'Yoruba', 'Igbo', 'Hausa', 'Somali', 'Sign Language', 'ASL',
];
const LANGUAGE = new RegExp(`\\b(?:${LANGUAGE_NAMES.join('|')})\\b`);
const LANGUAGE_LABEL = /^\s*(?:•\s*)?(?:spoken\s+)?languages?\s*:/i;
// A necessary condition of LANGUAGE_LABEL on any line of a section.
const LANGUAGE_LABEL_ANYWHERE = /languages?\s*:/i;
const LABEL = /^\s*(?:•\s*)?[A-Z][A-Za-z &/-]{1,40}:\s*/;
const ITEM_SEPARATOR = /\s*(?:,|;|•|\|)\s*/g;
const MAX_SKILL_WORDS = 6;

/** The length of s.split(' '), counted without building the array (every item of a skills list is counted). */
function wordCount(s: string): number {
  let n = 1;
  for (let at = s.indexOf(' '); at !== -1; at = s.indexOf(' ', at + 1)) n++;
  return n;
}

export interface SkillsAndLanguages {
  skills: TextSpan[];
  languages: Language[];
}

function itemsOf(text: string, line: Region): Region[] {
  const label = LABEL.exec(line.text);
  const body = label ? { text: line.text.slice(label[0].length), start: line.start + label[0].length, end: line.end } : line;
  return splitRegion(body, ITEM_SEPARATOR)
    .map((p) => spanOf(text, p.start, p.end))
    .filter((p): p is TextSpan => p !== undefined);
}

function languageOf(text: string, item: Region): Language | undefined {
  const m = LANGUAGE.exec(item.text);
  if (!m) return undefined;
  const name = spanOf(text, item.start + m.index, item.start + m.index + m[0].length)!;
  const rest = item.text.slice(m.index + m[0].length).replace(/[()]/g, ' ');
  const levelAt = item.text.indexOf(rest.trim(), m.index + m[0].length);
  const level = rest.trim() && levelAt >= 0 ? spanOf(text, item.start + levelAt, item.start + levelAt + rest.trim().length) : undefined;
  return { name, ...(level ? { level } : {}), start: item.start, end: item.end };
}

export function extractSkills(text: string, sections: Section[]): SkillsAndLanguages {
  const skills: TextSpan[] = [];
  const languages: Language[] = [];
  for (const s of sections) {
    const languageSection = /^\W*(?:spoken\s+)?languages?\b/i.test(s.heading.trim()) && !/programming/i.test(s.heading);
    // Outside skills and language sections only a "Languages:" line is read: a section that holds none
    // (most) is skipped before its lines are listed and tested one by one.
    if (s.kind !== 'skills' && !languageSection && !LANGUAGE_LABEL_ANYWHERE.test(text.slice(s.start, s.end))) continue;
    const lines = linesIn(text, s.start, s.end).filter((l) => !(l.start === s.start && s.heading) && l.text.length <= 400);
    for (const l of lines) {
      if (languageSection || LANGUAGE_LABEL.test(l.text)) {
        for (const item of itemsOf(text, l)) {
          const language = languageOf(text, item);
          if (language) languages.push(language);
        }
        continue;
      }
      if (s.kind !== 'skills') continue;
      for (const item of itemsOf(text, l)) {
        if (wordCount(item.text) <= MAX_SKILL_WORDS && !/[.!?]$/.test(item.text)) skills.push(item);
      }
    }
  }
  return { skills, languages };
}
