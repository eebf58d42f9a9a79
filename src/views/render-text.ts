// Renders an analysis for a terminal: the same content as the Markdown report, laid out in plain
// columns that fit 80-100 characters, with no Markdown syntax. Presentation only. Limits: widths are
// counted in UTF-16 units, so wide (CJK) characters can push a line past the column.
import type { Analysis } from '../schemas/analysis.js';
import { candidateName, competencyLabel, shorten, strongestQuote, topNextSteps } from './report-parts.js';

export const TEXT_WIDTH = 88;

/** Greedy word wrap of `text` to `width`, every line prefixed with `indent`. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

function heading(title: string): string[] {
  return ['', title.toUpperCase(), '='.repeat(Math.min(title.length, TEXT_WIDTH))];
}

const pad = (text: string, width: number) => shorten(text, width).padEnd(width);

export function renderText(analysis: Analysis): string {
  const out: string[] = [];
  const name = candidateName(analysis);
  const report = analysis.gapReport;
  out.push(`SkillBridge report${name ? `: ${name}` : ''}`);
  if (report) {
    out.push(
      '',
      `Target role   ${report.targetRole.title} (O*NET ${report.targetRole.onetCode})`,
      `Readiness     ${report.readiness}%`,
    );
    if (report.jobDescription) out.push(`Posting       ${report.jobDescription.coverage}% coverage`);
    out.push('', ...wrapText(report.explanation, TEXT_WIDTH));
    if (report.jobDescription?.missingTerms.length)
      out.push('', ...wrapText(`Posting terms the resume never uses: ${report.jobDescription.missingTerms.join(', ')}`, TEXT_WIDTH));
  }

  out.push(...heading('Competencies'));
  out.push(`${pad('Competency', 36)} ${pad('Level', 10)} Score`);
  for (const c of analysis.competencies) {
    out.push(`${pad(c.pmName, 36)} ${pad(c.level, 10)} ${String(c.score).padStart(5)}`);
    const quote = strongestQuote(c);
    if (quote) out.push(...wrapText(`"${shorten(quote, 160)}"`, TEXT_WIDTH, '    '));
  }

  if (report) {
    out.push(...heading(`Gaps for ${report.targetRole.title}`));
    out.push(`${pad('Competency', 36)} ${pad('Status', 9)} ${pad('Required', 10)} ${pad('Shown', 10)} Closed by`);
    for (const i of report.items) {
      out.push(
        `${pad(competencyLabel(analysis, i.competencyId), 36)} ${pad(i.status, 9)} ${pad(i.required, 10)} ${pad(i.actual, 10)} ${i.closeBy}`,
      );
      out.push(...wrapText(i.advice, TEXT_WIDTH, '    '));
    }
    const steps = topNextSteps(report);
    if (steps.length) {
      out.push(...heading('Next steps'));
      steps.forEach((s, n) => {
        out.push(...wrapText(`${n + 1}. ${s.title} (+${s.impact} points; ${s.effort})`, TEXT_WIDTH));
        out.push(...wrapText(s.why, TEXT_WIDTH, '   '));
      });
    }
  }

  out.push(...heading('Rewrites'));
  if (analysis.rewrites.length === 0) out.push('No experience, project or volunteer bullets to rewrite.');
  for (const r of analysis.rewrites) {
    out.push('', ...wrapText(`Before: ${r.original}`, TEXT_WIDTH), ...wrapText(`After:  ${r.rewrite}`, TEXT_WIDTH));
    out.push(`        score ${r.scoreBefore} -> ${r.scoreAfter}`);
    for (const slot of r.slots) out.push(...wrapText(`${slot.token} ${slot.question}`, TEXT_WIDTH, '        '));
  }
  out.push('', `Taxonomy ${analysis.taxonomyVersion}. Every quote is the resume's own text.`, '');
  return out.join('\n');
}
