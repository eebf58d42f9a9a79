// POST /v1/analyses in every report format through the real server on real files: negotiation by
// ?format= and Accept, 406 NOT_ACCEPTABLE, the views showing the JSON answer's own values, and every
// JSON answer ending with a newline (?pretty=true indents).
import { join } from 'node:path';
import { marked } from 'marked';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/schemas/analysis.js';
import { renderHtml } from '../../src/views/render-html.js';
import { renderMarkdown } from '../../src/views/render-markdown.js';
import { renderText } from '../../src/views/render-text.js';
import { FIXTURES, SHARED_CORPUS } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';

const RESUME = join(SHARED_CORPUS, 'dev-resumes', 'customer_service', 'ADVOCATE_13342150.pdf');
const POSTING = join(FIXTURES, 'postings', 'onet-13-1082.00-project-management-specialists.txt');

let server: TestServer;
let analysis: Analysis;
const analyze = () => request(server.url).post('/v1/analyses').attach('resume', RESUME).attach('jobDescription', POSTING);

beforeAll(async () => {
  server = await startServer();
  const res = await analyze();
  expect(res.status).toBe(200);
  analysis = res.body as Analysis;
});
afterAll(async () => server.close());

describe('format negotiation', () => {
  it.each([
    ['?format=markdown', undefined, 'text/markdown'],
    ['?format=text', undefined, 'text/plain'],
    ['?format=html', undefined, 'text/html'],
    ['?format=HTML', undefined, 'text/html'],
    ['', 'text/markdown', 'text/markdown'],
    ['', 'text/plain;q=0.4, text/html', 'text/html'],
    ['', 'text/*;q=0.5, application/json', 'application/json'],
    ['', '*/*', 'application/json'],
    ['?format=json', 'text/html', 'application/json'],
  ])('%s with Accept %s answers %s', async (query, accept, type) => {
    let req = request(server.url).post(`/v1/analyses${query}`).attach('resume', RESUME);
    if (accept) req = req.set('accept', accept);
    const res = await req;
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(`${type}; charset=utf-8`);
    expect(res.headers.vary).toMatch(/accept/i);
  });

  it.each([
    ['?format=yaml', undefined],
    ['', 'application/xml'],
    ['', 'image/png, application/pdf'],
  ])('%s with Accept %s is 406 NOT_ACCEPTABLE listing the formats', async (query, accept) => {
    let req = request(server.url).post(`/v1/analyses${query}`).attach('resume', RESUME);
    if (accept) req = req.set('accept', accept);
    const res = await req;
    expect(res.status).toBe(406);
    expect(res.body).toMatchObject({ statusCode: 406, code: 'NOT_ACCEPTABLE' });
    for (const name of ['json', 'markdown', 'text', 'html']) expect(res.body.message).toContain(name);
  });
});

describe('JSON answers', () => {
  it('end with a newline, and ?pretty=true indents them to the same value', async () => {
    const plain = await request(server.url).post('/v1/analyses').send({ text: 'Customer service representative. Resolved 60 customer inquiries a day.' });
    const pretty = await request(server.url)
      .post('/v1/analyses?pretty=true')
      .send({ text: 'Customer service representative. Resolved 60 customer inquiries a day.' });
    expect(plain.text.endsWith('}\n')).toBe(true);
    expect(plain.text.split('\n')).toHaveLength(2);
    expect(pretty.text.startsWith('{\n  "taxonomyVersion"')).toBe(true);
    expect(pretty.text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(pretty.text)).toEqual(JSON.parse(plain.text));
  });

  it('holds for other routes and for errors', async () => {
    const roles = await request(server.url).get('/v1/roles?pretty=true');
    expect(roles.text).toMatch(/^\{\n {2}"roles": \[/);
    expect(roles.text.endsWith('\n')).toBe(true);
    const error = await request(server.url).post('/v1/analyses').send({ text: 'x', targetRole: 'astronaut' });
    expect(error.status).toBe(400);
    expect(error.text.endsWith('}\n')).toBe(true);
    const missing = await request(server.url).get('/v1/nothing-here');
    expect(missing.text.endsWith('}\n')).toBe(true);
  });
});

describe('report views show the analysis values', () => {
  it('markdown: readiness, every competency, the gap table, three next steps, every rewrite', async () => {
    const res = await analyze().query({ format: 'markdown' });
    const md = res.text;
    const report = analysis.gapReport!;
    expect(md).toContain(`**Readiness:** ${report.readiness}%`);
    expect(md).toContain(`**Posting coverage:** ${report.jobDescription!.coverage}%`);
    for (const c of analysis.competencies) expect(md).toMatch(new RegExp(`\\| ${c.pmName} \\| ${c.level} \\| ${c.score} \\|`));
    expect(md.match(/^\| .+ \| \*\*(strength|reframe|thin|gap)\*\* \|/gm)).toHaveLength(report.items.length);
    expect(md.match(/^\d\. \*\*/gm)).toHaveLength(Math.min(3, report.nextSteps.length));
    expect(md.match(/^- \*\*Before:\*\*/gm)).toHaveLength(analysis.rewrites.length);
    expect(md.match(/^ {2}\*\*After:\*\*/gm)).toHaveLength(analysis.rewrites.length);
    // Slots keep their token and question.
    const slotted = analysis.rewrites.find((r) => r.slots.length > 0)!;
    expect(md).toContain(`\`${slotted.slots[0]!.token}\`: ${slotted.slots[0]!.question}`);
  });

  it('markdown renders as GitHub-flavoured Markdown: two tables of the right size, no stray syntax', async () => {
    const md = (await analyze().query({ format: 'markdown' })).text;
    const html = await marked.parse(md, { gfm: true });
    const tables = html.match(/<table>[\s\S]*?<\/table>/g)!;
    expect(tables).toHaveLength(2);
    expect(tables[0]!.match(/<tr>/g)).toHaveLength(analysis.competencies.length + 1);
    expect(tables[1]!.match(/<tr>/g)).toHaveLength(analysis.gapReport!.items.length + 1);
    // Every cell row has as many cells as the header: a stray | would add one.
    for (const table of tables) {
      const counts = table.match(/<tr>[\s\S]*?<\/tr>/g)!.map((row) => row.match(/<t[hd][ >]/g)!.length);
      expect(new Set(counts).size).toBe(1);
    }
    const visible = html.replace(/<[^>]+>/g, '');
    expect(visible).not.toMatch(/\*\*|\\\[|<\//);
    expect(visible).toContain(analysis.rewrites.find((r) => r.slots.length > 0)!.rewrite.replace(/&/g, '&amp;'));
  });

  it('text: the same content within 100 columns and without Markdown syntax', async () => {
    const res = await analyze().set('accept', 'text/plain');
    const text = res.text;
    expect(text).toContain(`Readiness     ${analysis.gapReport!.readiness}%`);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(text).not.toMatch(/\*\*|^#|^\|/m);
    for (const c of analysis.competencies) expect(text).toContain(c.pmName);
    expect(text.match(/^Before: /gm)).toHaveLength(analysis.rewrites.length);
  });

  it('html: one page with no script and no external request', async () => {
    const res = await analyze().query({ format: 'html' });
    const html = res.text;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)=/i);
    expect(html).toContain(`data-readiness="${analysis.gapReport!.readiness}"`);
    expect(html.match(/<th scope="row">/g)!.length).toBe(analysis.competencies.length + analysis.gapReport!.items.length);
  });

  it("shows the candidate's name when the contact block has one, and escapes it", () => {
    const contact = { ...analysis.document.contact, name: { text: 'Dana <Ortiz>', start: 0, end: 12 } };
    const named = { ...analysis, document: { ...analysis.document, contact } };
    expect(renderMarkdown(named).split('\n')[0]).toBe('# Dana \\<Ortiz\\>: SkillBridge report');
    expect(renderText(named).split('\n')[0]).toBe('SkillBridge report: Dana <Ortiz>');
    expect(renderHtml(named)).toContain('<h1>SkillBridge report: Dana &lt;Ortiz&gt;</h1>');
    expect(renderText(analysis).split('\n')[0]).toBe('SkillBridge report');
  });
});
