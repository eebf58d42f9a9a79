// The HTML report and the try-it page in a real headless Chromium (Debian's, through playwright-core):
// the report renders under the service's own CSP without console errors, prints to 1-2 A4 pages and
// passes axe-core with no serious or critical finding; the page at / uploads a corpus PDF and shows
// the report with the readiness the JSON answer gives, asking for the key when API_KEYS is set.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser } from '../helpers/browser.js';
import { FIXTURES, SHARED_CORPUS } from '../helpers/corpus.js';
import { startServer, type TestServer } from '../helpers/server.js';

const RESUME = join(SHARED_CORPUS, 'dev-resumes', 'customer_service', 'ADVOCATE_13342150.pdf');
const POSTING = readFileSync(join(FIXTURES, 'postings', 'onet-13-1082.00-project-management-specialists.txt'), 'utf8');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') rightly refuses an
  // injected <script>, and the test must not loosen it.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
}

const serious = (violations: AxeViolation[]) =>
  violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** Pages of a PDF as Chromium writes it: one /Type /Page object each. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

let browser: TestBrowser;
let server: TestServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('HTML report in Chromium', { timeout: 90_000 }, () => {
  it('renders under the service CSP without errors, prints to 1-2 pages and passes axe-core', async () => {
    const upload = () =>
      request(server.url).post('/v1/analyses').attach('resume', RESUME).field('jobDescription', POSTING);
    const [json, html] = await Promise.all([upload(), upload().query({ format: 'html' })]);
    expect(json.status).toBe(200);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');

    // Served from the service itself, so its own CSP header applies to the report.
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const external: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${server.url}/report`) return route.fulfill({ status: 200, contentType: 'text/html', body: html.text, headers: { 'content-security-policy': html.headers['content-security-policy']! } });
      external.push(url);
      return route.abort();
    });
    await page.goto(`${server.url}/report`);
    expect(await page.locator('[data-readiness]').textContent()).toBe(`${json.body.gapReport.readiness}%`);
    expect(await page.locator('h1').textContent()).toContain('SkillBridge report');
    expect(await page.locator('svg[role=img]').count()).toBe(2);
    expect(external).toEqual([]);
    expect(problems).toEqual([]);

    const shot = join(tmpdir(), 'skillbridge-report.png');
    writeFileSync(shot, await page.screenshot({ fullPage: true }));
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdfPages(pdf)).toBeLessThanOrEqual(2);
    const letter = await page.pdf({ format: 'Letter' });
    expect(pdfPages(letter)).toBeLessThanOrEqual(2);

    expect(serious(await runAxe(page))).toEqual([]);
    await page.close();
  });
});

describe('try-it page at /', { timeout: 90_000 }, () => {
  it('uploads a corpus PDF with a chosen role and shows the readiness the JSON answer gives', async () => {
    const json = await request(server.url)
      .post('/v1/analyses')
      .attach('resume', RESUME)
      .field('targetRole', 'project-manager');
    expect(json.status).toBe(200);

    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/`);
    expect(serious(await runAxe(page))).toEqual([]);
    expect(await page.locator('#api-key').count()).toBe(0);
    await page.setInputFiles('#resume', RESUME);
    await page.selectOption('#target-role', 'project-manager');
    await page.click('#submit');
    const report = page.frameLocator('#report');
    await expect
      .poll(async () => report.locator('[data-readiness]').textContent({ timeout: 1000 }).catch(() => null), { timeout: 20_000 })
      .toBe(`${json.body.gapReport.readiness}%`);
    expect(await report.locator('p.meta').first().textContent()).toContain('Project Manager');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('asks for the key when API_KEYS is set and shows the refusal without one that works', async () => {
    // Its own browser, closed before the server: a connection the 401 answered before its upload was
    // read stays open until the client goes, and the server's close waits for it.
    const [own, keyed] = await Promise.all([launchChromium(), startServer({ API_KEYS: ['test-key-one'] })]);
    try {
      const page = await own.context.newPage();
      await page.goto(`${keyed.url}/`);
      expect(await page.locator('#api-key').count()).toBe(1);
      await page.setInputFiles('#resume', RESUME);
      await page.fill('#api-key', 'wrong-key');
      await page.click('#submit');
      await expect.poll(() => page.locator('#status').textContent(), { timeout: 10_000 }).toContain('UNAUTHORIZED');
      await page.fill('#api-key', 'test-key-one');
      await page.click('#submit');
      await expect
        .poll(async () => page.frameLocator('#report').locator('[data-readiness]').count(), { timeout: 20_000 })
        .toBe(1);
      // Nothing kept outside the page's memory.
      // A string: the test compiles without the DOM library.
      expect(await page.evaluate('[localStorage.length, sessionStorage.length, document.cookie]')).toEqual([0, 0, '']);
    } finally {
      await own.close();
      await keyed.close();
    }
  });
});
