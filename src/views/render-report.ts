// Picks the renderer for a report format. JSON stays the route's own serialization; the other formats
// are text produced from the same analysis object.
import type { Analysis } from '../schemas/analysis.js';
import type { ReportFormat } from './report-parts.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { renderText } from './render-text.js';

export function renderReport(analysis: Analysis, format: Exclude<ReportFormat, 'json'>): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(analysis);
    case 'text':
      return renderText(analysis);
    case 'html':
      return renderHtml(analysis);
  }
}
