// Renders an analysis as one self-contained HTML page: inline CSS, inline SVG, no script and no
// external request, so the service's CSP allows it and it prints to one or two A4/Letter pages.
// Presentation only. Limits: the side-by-side rewrites are the ones the gap report names for its
// reframe items (all rewrites are in the JSON, Markdown and text reports); very long resumes with many
// reframe bullets can print to a third page.
import type { Analysis, GapReport, Level } from '../schemas/analysis.js';
import { LEVELS } from '../schemas/analysis.js';
import {
  candidateName,
  competencyLabel,
  reframeRewrites,
  shorten,
  strongestQuote,
  topNextSteps,
} from './report-parts.js';

const QUOTE_CHARS = 120;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Greys and one dark blue: readable in grey print, every text colour >= 7:1 on white.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.1rem;margin:1.25rem 0 .4rem;border-bottom:1px solid #767676;padding-bottom:.15rem}
p{margin:.3rem 0}
.meta{color:#3d3d3d}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid #c8c8c8;padding:.2rem .35rem;text-align:left;vertical-align:top}
th{background:#eeeeee}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.status{font-weight:700;text-transform:uppercase;font-size:.85em;letter-spacing:.03em}
.rewrites td{width:50%}
.slot{color:#3d3d3d;font-size:.9em}
svg text{font:12px system-ui,Arial,sans-serif;fill:#1a1a1a}
ol{margin:.3rem 0;padding-left:1.4rem}
li{margin:.2rem 0}
.two{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
@page{size:A4;margin:11mm}
@media print{
  body{font-size:8pt;line-height:1.25}
  main{max-width:none;padding:0}
  h1{font-size:13pt}
  h2{font-size:10pt;margin:.5rem 0 .2rem;break-after:avoid}
  table{font-size:7pt}
  th,td{padding:.05rem .25rem}
  tr{break-inside:avoid}
  svg.chart{width:70%;height:auto}
}
`;

function readinessBar(report: GapReport): string {
  const width = 400;
  const filled = Math.round((report.readiness / 100) * width);
  const label = `Readiness ${report.readiness}% for ${report.targetRole.title}`;
  return (
    `<svg role="img" aria-label="${escapeHtml(label)}" width="${width + 60}" height="26" viewBox="0 0 ${width + 60} 26">` +
    `<rect x="0" y="3" width="${width}" height="20" fill="#ffffff" stroke="#1a1a1a"/>` +
    `<rect x="0" y="3" width="${filled}" height="20" fill="#4a4a4a"/>` +
    `<text x="${width + 8}" y="18">${report.readiness}%</text></svg>`
  );
}

const levelIndex = (level: Level) => LEVELS.indexOf(level);

/** Shown level (solid bar) against the level the role requires (outlined box), one row per item. */
function competencyChart(analysis: Analysis, report: GapReport): string {
  const labelWidth = 250;
  const step = 90;
  const rowHeight = 22;
  const top = 20;
  const height = top + report.items.length * rowHeight + 6;
  const width = labelWidth + step * (LEVELS.length - 1) + 70;
  const summary = report.items
    .map((i) => `${competencyLabel(analysis, i.competencyId)}: shown ${i.actual}, required ${i.required}`)
    .join('; ');
  const parts: string[] = [
    `<svg class="chart" role="img" aria-labelledby="chart-title chart-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="chart-title">Competencies shown against what ${escapeHtml(report.targetRole.title)} requires</title>`,
    `<desc id="chart-desc">${escapeHtml(summary)}</desc>`,
  ];
  LEVELS.forEach((level, n) => {
    const x = labelWidth + n * step;
    parts.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${height - 4}" stroke="#c8c8c8"/>`);
    parts.push(`<text x="${x + 2}" y="12">${level}</text>`);
  });
  report.items.forEach((item, n) => {
    const y = top + n * rowHeight;
    const actual = levelIndex(item.actual) * step;
    const required = levelIndex(item.required) * step;
    parts.push(`<text x="0" y="${y + 14}">${escapeHtml(shorten(competencyLabel(analysis, item.competencyId), 34))}</text>`);
    parts.push(`<rect x="${labelWidth}" y="${y + 5}" width="${Math.max(actual, 2)}" height="10" fill="#4a4a4a"/>`);
    parts.push(
      `<rect x="${labelWidth}" y="${y + 2}" width="${required}" height="16" fill="none" stroke="#1a1a1a" stroke-dasharray="4 2"/>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

function competencyTable(analysis: Analysis): string {
  const rows = analysis.competencies.map((c) => {
    const quote = strongestQuote(c);
    return (
      `<tr><th scope="row">${escapeHtml(c.pmName)}</th><td>${c.level}</td><td class="num">${c.score}</td>` +
      `<td>${quote ? `“${escapeHtml(shorten(quote, QUOTE_CHARS))}”` : '—'}</td></tr>`
    );
  });
  return (
    '<table><thead><tr><th scope="col">Competency</th><th scope="col">Level</th><th scope="col">Score</th>' +
    `<th scope="col">Strongest quote</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function gapTable(analysis: Analysis, report: GapReport): string {
  const rows = report.items.map(
    (i) =>
      `<tr><th scope="row">${escapeHtml(competencyLabel(analysis, i.competencyId))}</th>` +
      `<td><span class="status">${i.status}</span></td><td>${i.required}</td><td>${i.actual}</td>` +
      `<td>${escapeHtml(i.advice)}</td></tr>`,
  );
  return (
    '<table><thead><tr><th scope="col">Competency</th><th scope="col">Status</th><th scope="col">Required</th>' +
    `<th scope="col">Shown</th><th scope="col">Advice</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function rewritesTable(analysis: Analysis): string {
  const shown = reframeRewrites(analysis);
  const note = `<p class="meta">${shown.length} of ${analysis.rewrites.length} rewrites: the bullets the gap report says to reframe. All rewrites are in the JSON, Markdown and text reports.</p>`;
  if (shown.length === 0) return note;
  const rows = shown.map((r) => {
    const slots = r.slots
      .map((s) => `<div class="slot">${escapeHtml(s.token)}: ${escapeHtml(s.question)}</div>`)
      .join('');
    return `<tr><td>${escapeHtml(r.original)}</td><td>${escapeHtml(r.rewrite)}${slots}</td></tr>`;
  });
  return (
    `${note}<table class="rewrites"><thead><tr><th scope="col">Before</th><th scope="col">After</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

export function renderHtml(analysis: Analysis): string {
  const name = candidateName(analysis);
  const report = analysis.gapReport;
  const title = `SkillBridge report${name ? `: ${name}` : ''}`;
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  if (report) {
    body.push(
      `<p class="meta">Target role: <strong>${escapeHtml(report.targetRole.title)}</strong> (O*NET ${escapeHtml(report.targetRole.onetCode)})</p>`,
      `<h2>Readiness: <span data-readiness="${report.readiness}">${report.readiness}%</span></h2>`,
      readinessBar(report),
      `<p>${escapeHtml(report.explanation)}</p>`,
    );
    if (report.jobDescription) {
      body.push(`<p>Posting coverage: <strong>${report.jobDescription.coverage}%</strong>.`);
      if (report.jobDescription.missingTerms.length)
        body.push(` Posting terms the resume never uses: ${escapeHtml(report.jobDescription.missingTerms.join(', '))}.`);
      body.push('</p>');
    }
    body.push(
      `<h2>Against ${escapeHtml(report.targetRole.title)}</h2>`,
      '<p class="meta">Solid bar: level shown on the resume. Dashed box: level the role requires.</p>',
      competencyChart(analysis, report),
    );
    const steps = topNextSteps(report);
    if (steps.length) {
      body.push(
        '<h2>Next steps</h2><ol>',
        ...steps.map(
          (s) => `<li><strong>${escapeHtml(s.title)}</strong> (+${s.impact} points; ${escapeHtml(s.effort)}). ${escapeHtml(s.why)}</li>`,
        ),
        '</ol>',
      );
    }
    body.push(`<h2>Gaps for ${escapeHtml(report.targetRole.title)}</h2>`, gapTable(analysis, report));
  }
  body.push('<h2>Competencies</h2>', competencyTable(analysis));
  body.push('<h2>Rewrites</h2>', rewritesTable(analysis));
  body.push(`<p class="meta">Taxonomy ${escapeHtml(analysis.taxonomyVersion)}. Every quote is the resume's own text.</p>`);
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><main>${body.join('\n')}</main></body></html>\n`
  );
}
