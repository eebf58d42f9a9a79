// Reads experience bullets from the dev corpus (pdftotext -layout output) with a deliberately simple
// heuristic, independent of the production segmenter: lines under an experience heading, minus role
// header lines (dates, "Company Name"), with lower-case continuation lines joined to the line above.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CORPUS } from '../../bench/lib/corpus.js';

export const CORPUS_DIR = `${DEFAULT_CORPUS}/`;

const EXPERIENCE =
  /^\s*(professional experience|work experience|experience|work history|employment history|professional history|relevant experience|volunteer experience|projects)\s*$/i;
const OTHER_HEADING =
  /^\s*(education|education and training|skills|core qualifications|qualifications|certifications?|additional information|interests|languages|accomplishments|affiliations|highlights|summary|professional summary|executive summary|awards|references|training|activities|personal information|professional affiliations|skill highlights|core competencies|technical skills|computer skills)\s*:?\s*$/i;
const ROLE_HEADER =
  /(\b(19|20)\d{2}\b.*\b(to|-|–)\b.*(\b(19|20)\d{2}\b|current|present))|\b\d{2}\/\d{4}\b|company name|^\s*(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}/i;

export interface CorpusBullet {
  file: string;
  text: string;
  /** true when the bullet sits under a role whose dates end in "Current"/"Present". */
  current: boolean;
}

function listTxt(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? listTxt(join(dir, e.name))
      : e.name.endsWith('.txt') && e.name !== 'README.txt'
        ? [join(dir, e.name)]
        : [],
  );
}

export function readBullets(text: string, file = ''): CorpusBullet[] {
  const bullets: CorpusBullet[] = [];
  let inExperience = false;
  let current = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (EXPERIENCE.test(raw)) {
      inExperience = true;
      continue;
    }
    if (OTHER_HEADING.test(raw)) {
      inExperience = false;
      continue;
    }
    if (!inExperience || !line) continue;
    if (ROLE_HEADER.test(line) && line.length < 160) {
      current = /current|present/i.test(line);
      continue;
    }
    const last = bullets.at(-1);
    if (last && /^\p{Ll}/u.test(line) && !/[.!?]$/.test(last.text)) {
      last.text = `${last.text} ${line}`;
    } else if (line.split(/\s+/).length >= 3) {
      bullets.push({ file, text: line, current });
    }
  }
  return bullets;
}

export function corpusBullets(): CorpusBullet[] {
  return listTxt(CORPUS_DIR).flatMap((f) => readBullets(readFileSync(f, 'utf8'), f.slice(CORPUS_DIR.length)));
}
