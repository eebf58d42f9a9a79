// Renders an analysis as GitHub-flavoured Markdown: name, target role and readiness, competency and
// gap tables, the top next steps and every rewrite with its slots. Presentation only: every value is
// read from the analysis. Limit: quotes in tables are shortened to keep rows on one screen line.
import type { Analysis } from '../schemas/analysis.js';
import { candidateName, competencyLabel, shorten, strongestQuote, topNextSteps } from './report-parts.js';

const QUOTE_CHARS = 110;

/** Escapes what Markdown would read as syntax, and the table cell separator. */
function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

export function renderMarkdown(analysis: Analysis): string {
  const out: string[] = [];
  const name = candidateName(analysis);
  const report = analysis.gapReport;
  out.push(`# ${name ? `${escapeMarkdown(name)}: ` : ''}SkillBridge report`, '');
  if (report) {
    out.push(
      `**Target role:** ${escapeMarkdown(report.targetRole.title)} (O\\*NET ${report.targetRole.onetCode})  `,
      `**Readiness:** ${report.readiness}%`,
      '',
      escapeMarkdown(report.explanation),
      '',
    );
    if (report.jobDescription) {
      out.push(`**Posting coverage:** ${report.jobDescription.coverage}%`, '');
      if (report.jobDescription.missingTerms.length)
        out.push(`Posting terms the resume never uses: ${report.jobDescription.missingTerms.map(escapeMarkdown).join(', ')}`, '');
    }
  }

  out.push('## Competencies', '');
  out.push(
    ...table(
      ['Competency', 'Level', 'Score', 'Strongest quote'],
      analysis.competencies.map((c) => {
        const quote = strongestQuote(c);
        return [escapeMarkdown(c.pmName), c.level, String(c.score), quote ? `“${escapeMarkdown(shorten(quote, QUOTE_CHARS))}”` : '—'];
      }),
    ),
    '',
  );

  if (report) {
    out.push(`## Gaps for ${escapeMarkdown(report.targetRole.title)}`, '');
    out.push(
      ...table(
        ['Competency', 'Status', 'Required', 'Shown', 'Closed by', 'Advice'],
        report.items.map((i) => [
          escapeMarkdown(competencyLabel(analysis, i.competencyId)),
          `**${i.status}**`,
          i.required,
          i.actual,
          i.closeBy,
          escapeMarkdown(i.advice),
        ]),
      ),
      '',
    );
    const steps = topNextSteps(report);
    if (steps.length) {
      out.push('## Next steps', '');
      steps.forEach((s, n) => {
        out.push(`${n + 1}. **${escapeMarkdown(s.title)}** (+${s.impact} points; ${escapeMarkdown(s.effort)})  `);
        out.push(`   ${escapeMarkdown(s.why)}`);
      });
      out.push('');
    }
  }

  out.push('## Rewrites', '');
  if (analysis.rewrites.length === 0) out.push('No experience, project or volunteer bullets to rewrite.', '');
  for (const r of analysis.rewrites) {
    out.push(`- **Before:** ${escapeMarkdown(r.original)}  `);
    out.push(`  **After:** ${escapeMarkdown(r.rewrite)}  `);
    out.push(`  Score ${r.scoreBefore} → ${r.scoreAfter}`);
    for (const slot of r.slots) out.push(`  - \`${slot.token}\`: ${escapeMarkdown(slot.question)}`);
  }
  out.push('', `_Taxonomy ${escapeMarkdown(analysis.taxonomyVersion)}. Every quote is the resume's own text._`, '');
  return out.join('\n');
}
