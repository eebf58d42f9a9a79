// npm run eval:reading: how well the reader finds roles, bullets and clean text on the dev resumes.
// Compares the roles read from each PDF/DOCX of ../shared/corpus/dev-resumes with the hand labels in
// eval/reading/*-roles.json (title, organization, start, end), and counts reading defects any reader
// would see: role-header lines left among bullets, bullets that look glued, mojibake left in the text.
// Flags: --verbose prints every miss; --sample N prints N bullets picked with a fixed seed, to check by
// eye for glued or cut bullets (--seed S draws another fixed sample; the default seed 20261201 is the one
// the splitter was tuned on; 20261204 to 20261208 are the fresh samples counted in
// eval/reading/glued-sample.md);
// --json prints the figures as JSON; --labels texts scores eval/reading/texts-roles.json alone (the
// role headers of the fictional resumes in eval/texts, a second set labelled apart).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createInlineExtractor } from '../src/extraction/extractor.js';
import { readResumeBytes } from '../src/extraction/read-resume.js';
import type { ResumeDocument, Role } from '../src/schemas/document.js';
import { DEFAULT_CORPUS } from '../bench/lib/corpus.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = DEFAULT_CORPUS;
const LABELS = join(ROOT, 'eval', 'reading');

const LabelRoleSchema = z.object({
  title: z.string(),
  organization: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  location: z.string().optional(),
});
const LabelFileSchema = z.object({
  about: z.string(),
  /** Folder of the labelled files, relative to the repository; the dev corpus when absent. */
  root: z.string().optional(),
  files: z.array(
    z.object({
      file: z.string(),
      also: z.array(z.string()).optional(),
      notes: z.string().optional(),
      roles: z.array(LabelRoleSchema),
    }),
  ),
});
type LabelRole = z.infer<typeof LabelRoleSchema>;

// Whitespace is not compared: extractors disagree on spaces around "/" and ",".
const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');
const endOf = (r: Role) => (r.current ? 'current' : (r.endDate ?? null));

// A bullet that is really a role header: an anonymized employer, a bare location or a short date range.
const HEADER_IN_BULLET = [
  /\bCompany Name\b/,
  /^City\s*,\s*State$/,
  /^(?:\S+\s+){0,6}?(?:\d{1,2}\/)?(?:19|20)\d{2}\s*(?:to|-|–)\s*(?:Current|Present|(?:\w+\.?\s+)?(?:\d{1,2}\/)?(?:19|20)\d{2})\b.{0,60}$/i,
];
// Text left over from UTF-8 read as Windows-1252.
const MOJIBAKE = /Ã[\u0080-\u00BF]|Â|â€|ï¼|ï»¿|ï¬/g;
// Mechanical hints of two bullets glued together; the sample checked by eye is the real measure.
const GLUE_HINT = /[a-z]{2}\.[A-Z][a-z]|[a-z,] (?:[A-Z][a-z]+ed|Managed|Led|Assisted|Provided|Answered|Maintained)\b/;

interface Match {
  label: LabelRole;
  role: Role | undefined;
}

/** Pairs labels with read roles in document order: same start date, or same title when undated. */
function alignRoles(labels: LabelRole[], roles: Role[]): Match[] {
  const used = new Set<number>();
  let from = 0;
  return labels.map((label) => {
    const same = (r: Role) =>
      label.start !== null ? r.startDate === label.start : squash(r.title) === squash(label.title);
    let found = roles.findIndex((r, i) => i >= from && !used.has(i) && same(r));
    if (found === -1) found = roles.findIndex((r, i) => !used.has(i) && same(r));
    if (found === -1) return { label, role: undefined };
    used.add(found);
    from = found + 1;
    return { label, role: roles[found] };
  });
}

function pickSample<T>(items: T[], n: number, firstSeed: number): T[] {
  // A fixed linear congruential sequence keeps the sample the same from run to run.
  let seed = firstSeed;
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out.push(pool.splice(seed % pool.length, 1)[0]!);
  }
  return out;
}

async function main() {
  const verbose = process.argv.includes('--verbose');
  const asJson = process.argv.includes('--json');
  const sampleArg = process.argv.indexOf('--sample');
  const sampleSize = sampleArg >= 0 ? Number(process.argv[sampleArg + 1]) : 0;
  const seedArg = process.argv.indexOf('--seed');
  const seed = seedArg >= 0 ? Number(process.argv[seedArg + 1]) : 20261201;
  const extractor = createInlineExtractor({ maxPages: 20, maxTextChars: 200_000 });
  const limits = { maxTextChars: 200_000, minTextChars: 50, zip: { maxEntries: 2000, maxUncompressedBytes: 64 << 20 } };

  // The default set is the dev corpus's label files (those without a `root`); `--labels texts` reads
  // eval/reading/texts-roles.json alone. The sample draws from the default set only, so the seeds
  // recorded in glued-sample.md keep drawing the same bullets.
  const labelsArg = process.argv.indexOf('--labels');
  const only = labelsArg >= 0 ? process.argv[labelsArg + 1] : undefined;
  const entries = readdirSync(LABELS)
    .filter((f) => (only === undefined ? f.endsWith('-roles.json') : f === `${only}-roles.json`))
    .sort()
    .map((f) => LabelFileSchema.parse(JSON.parse(readFileSync(join(LABELS, f), 'utf8'))))
    .filter((set) => only !== undefined || set.root === undefined)
    .flatMap((set) => set.files.map((entry) => ({ ...entry, dir: set.root === undefined ? CORPUS : join(ROOT, set.root) })));
  if (entries.length === 0) throw new Error(`no labels${only === undefined ? '' : ` in eval/reading/${only}-roles.json`}`);
  const c = { roles: 0, found: 0, title: 0, organization: 0, dates: 0, extra: 0, locations: 0, location: 0 };
  const d = { documents: 0, bullets: 0, experienceBullets: 0, headerBullets: 0, glueHints: 0, mojibake: 0, mojibakeDocs: 0 };
  const details: string[] = [];
  const allBullets: Array<{ file: string; text: string }> = [];

  for (const entry of entries) {
    for (const file of [entry.file, ...(entry.also ?? [])]) {
      const doc: ResumeDocument = await readResumeBytes(new Uint8Array(readFileSync(join(entry.dir, file))), extractor, limits);
      d.documents += 1;
      const matches = alignRoles(entry.roles, doc.roles);
      c.extra += doc.roles.length - matches.filter((m) => m.role).length;
      for (const { label, role } of matches) {
        c.roles += 1;
        if (!role) {
          details.push(`  MISSING ${file}: ${label.title} ${label.start}..${label.end}`);
          continue;
        }
        c.found += 1;
        if (squash(role.title) === squash(label.title)) c.title += 1;
        else details.push(`  TITLE ${file}: read "${role.title}", label "${label.title}"`);
        if (squash(role.organization) === squash(label.organization)) c.organization += 1;
        else details.push(`  ORG ${file}: read "${role.organization ?? ''}", label "${label.organization}"`);
        if (label.location !== undefined) {
          c.locations += 1;
          if (squash(role.location) === squash(label.location)) c.location += 1;
          else details.push(`  LOCATION ${file}: read "${role.location ?? ''}", label "${label.location}"`);
        }
        if ((role.startDate ?? null) === label.start && endOf(role) === label.end) c.dates += 1;
        else details.push(`  DATES ${file}: read ${role.startDate}..${endOf(role)}, label ${label.start}..${label.end}`);
      }
      for (const b of doc.bullets) {
        d.bullets += 1;
        if (b.section !== 'experience') continue;
        d.experienceBullets += 1;
        allBullets.push({ file, text: b.text });
        if (HEADER_IN_BULLET.some((re) => re.test(b.text))) {
          d.headerBullets += 1;
          details.push(`  HEADER-BULLET ${file}: ${b.text.slice(0, 120)}`);
        }
        if (GLUE_HINT.test(b.text)) d.glueHints += 1;
      }
      const moji = doc.text.match(MOJIBAKE)?.length ?? 0;
      d.mojibake += moji;
      if (moji > 0) {
        d.mojibakeDocs += 1;
        details.push(`  MOJIBAKE ${file}: ${moji}`);
      }
    }
  }
  await extractor.close();

  const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  const figures = {
    documents: d.documents,
    labelledRoles: c.roles,
    rolesFound: c.found,
    titleExact: c.title / c.roles,
    organizationExact: c.organization / c.roles,
    datesExact: c.dates / c.roles,
    locationExact: c.locations === 0 ? null : c.location / c.locations,
    extraRoles: c.extra,
    experienceBullets: d.experienceBullets,
    headerLinesAmongBullets: d.headerBullets,
    glueHints: d.glueHints,
    mojibakeLeft: d.mojibake,
    documentsWithMojibake: d.mojibakeDocs,
  };
  if (asJson) {
    console.log(JSON.stringify(figures, null, 2));
  } else {
    console.log(`Reading evaluation: ${d.documents} documents, ${c.roles} labelled roles\n`);
    console.log(`roles found (start date or title)   ${c.found}/${c.roles}  ${pct(c.found, c.roles)}`);
    console.log(`title exact                         ${c.title}/${c.roles}  ${pct(c.title, c.roles)}`);
    console.log(`organization exact                  ${c.organization}/${c.roles}  ${pct(c.organization, c.roles)}`);
    console.log(`start and end exact                 ${c.dates}/${c.roles}  ${pct(c.dates, c.roles)}`);
    if (c.locations > 0) console.log(`location exact (where labelled)     ${c.location}/${c.locations}  ${pct(c.location, c.locations)}`);
    console.log(`roles read that match no label      ${c.extra}`);
    console.log(`header lines among bullets          ${d.headerBullets}/${d.experienceBullets} experience bullets`);
    console.log(`bullets with a glue hint            ${d.glueHints}/${d.experienceBullets} (mechanical hint only)`);
    console.log(`mojibake left                       ${d.mojibake} in ${d.mojibakeDocs} document(s)`);
  }
  if (verbose) console.log(`\n${details.join('\n')}`);
  if (sampleSize > 0) {
    console.log(`\nSample of ${sampleSize} experience units (seed ${seed}), to check by eye:`);
    pickSample(allBullets, sampleSize, seed).forEach((b, i) => console.log(`${String(i + 1).padStart(3)} ${b.file}: ${b.text}`));
  }
}

await main();
