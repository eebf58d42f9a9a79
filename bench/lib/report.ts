// Turns a BenchReport into the target verdicts and the Markdown page written to bench/results/.
// Every figure printed here comes from the report object of the same run; nothing is typed in by hand.
import type { BenchReport } from './bench.js';
import type { FloorResult } from './floor.js';
import { FORMATS } from './corpus.js';
import { ANALYSIS_STAGES, STAGES } from './stages.js';
import { median } from './stats.js';

export interface Target {
  id: string;
  target: string;
  measured: string;
  /** undefined when the section did not run. */
  met: boolean | undefined;
  /** When missed: by how much, and what the figures of this run point at. */
  gap?: string;
}

const MB = 2 ** 20;
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const x = (v: number) => `${v.toFixed(2)}x`;
const mb = (v: number) => `${(v / MB).toFixed(0)} MB`;

export const LIMITS = {
  analysisRatio: 0.1,
  taxonomyRatio: 1.5,
  /** Per-character match time at the largest text factor, relative to 1x. */
  linearRatio: 1.5,
  throughputShare: 0.85,
  p99At8Ms: 200,
  rssAt32Bytes: 500 * MB,
  /** Main-thread CPU of the HTTP process per large analysis (an upper bound on how long it held the loop). */
  loopHoldMs: 50,
  /** Batch throughput (Redis, two workers) as a share of the synchronous endpoint's on the same cores. */
  batchShare: 0.9,
  ocrTwoPageSeconds: 10,
};

/** " (mean of 76.1 and 77.0 PDFs/s over 2 x 5.0 s)" for a combined floor, "" for a single sample. */
function samplesText(f: FloorResult): string {
  if (!f.samples || f.samples.length < 2) return '';
  return ` (mean of ${f.samples.map((x) => x.toFixed(1)).join(' and ')} PDFs/s over ${f.samples.length} x ${(f.durationMs / f.samples.length / 1000).toFixed(1)} s)`;
}

export function evaluateTargets(r: BenchReport): Target[] {
  const out: Target[] = [];

  const pdf = r.stages?.byFormat.pdf;
  if (pdf && pdf.ratio.n > 0) {
    const v = pdf.ratio.median;
    const shares = ANALYSIS_STAGES.map((s) => ({ s, m: pdf[s].median }))
      .sort((a, b) => b.m - a.m)
      .slice(0, 2)
      .map(({ s, m }) => `${s} ${ms(m)} ms`);
    out.push({
      id: 'analysis-ratio',
      target: `analysis after extraction <= ${pct(LIMITS.analysisRatio)} of extraction (median, PDF)`,
      measured: `${pct(v)} (analysis ${ms(pdf.analysis.median)} ms vs extraction ${ms(pdf.extract.median)} ms, medians over ${pdf.ratio.n} PDFs)`,
      met: v <= LIMITS.analysisRatio,
      ...(v > LIMITS.analysisRatio
        ? { gap: `${x(v / LIMITS.analysisRatio)} the budget; largest stages (median): ${shares.join(', ')}` }
        : {}),
    });
  } else out.push({ id: 'analysis-ratio', target: 'analysis <= 10% of extraction (PDF)', measured: 'not run', met: undefined });

  const tax = r.taxonomy?.rows;
  const top = tax?.at(-1);
  if (tax && top && tax.length > 1) {
    out.push({
      id: 'taxonomy-scaling',
      target: `match time at ${top.factor}x taxonomy <= ${x(LIMITS.taxonomyRatio)} the 1x time`,
      measured: `${x(top.ratio)} (${ms(tax[0]!.matchMs)} -> ${ms(top.matchMs)} ms; ${tax[0]!.patterns} -> ${top.patterns} patterns)`,
      met: top.ratio <= LIMITS.taxonomyRatio,
      ...(top.ratio > LIMITS.taxonomyRatio
        ? { gap: `${x(top.ratio / LIMITS.taxonomyRatio)} over; evidence ${tax[0]!.evidence} -> ${top.evidence}, trie nodes ${tax[0]!.trieNodes} -> ${top.trieNodes}` }
        : {}),
    });
  } else out.push({ id: 'taxonomy-scaling', target: 'match at 100x taxonomy <= 1.5x', measured: 'not run', met: undefined });

  const len = r.length?.rows;
  const big = len?.at(-1);
  if (len && big && len.length > 1) {
    out.push({
      id: 'linear-length',
      target: `linear in text length: per-character match time at ${big.factor}x <= ${x(LIMITS.linearRatio)} the 1x figure`,
      measured: `${x(big.perCharRatio)} (${ms(len[0]!.matchMs)} ms at ${len[0]!.characters} chars -> ${ms(big.matchMs)} ms at ${big.characters}; scan alone ${x(big.scanPerCharRatio)})`,
      met: big.perCharRatio <= LIMITS.linearRatio,
      ...(big.perCharRatio > LIMITS.linearRatio
        ? {
            gap: `${x(big.perCharRatio / LIMITS.linearRatio)} over; ${
              big.scanPerCharRatio <= LIMITS.linearRatio
                ? 'the token scan (matchText) stays linear, so the growth is in mapping matches to evidence'
                : big.perCharRatio > 1.5 * big.scanPerCharRatio
                  ? 'the scan (tokenize + trie walk + context rules) grows too, but mostly the mapping of matches to evidence'
                  : 'the growth is in the token scan itself (tokenize + trie walk + context rules)'
            }`,
          }
        : {}),
    });
  } else out.push({ id: 'linear-length', target: 'match time linear in text length', measured: 'not run', met: undefined });

  const loop = r.loop;
  if (loop && loop.rounds.length > 0) {
    const cpu = median(loop.rounds.map((x) => x.mainCpuMsPerRequest));
    const lag = median(loop.rounds.map((x) => x.lagMaxMs));
    const failed = loop.rounds.flatMap((x) => x.statuses).filter((s) => s !== 200).length;
    const met = cpu <= LIMITS.loopHoldMs && failed === 0;
    out.push({
      id: 'event-loop-hold',
      target: `a ${loop.chars}-character analysis holds the HTTP event loop <= ${LIMITS.loopHoldMs} ms (main-thread CPU per request, median round)`,
      measured:
        `${ms(cpu)} ms per request (rounds: ${loop.rounds.map((x) => ms(x.mainCpuMsPerRequest)).join(', ')}); ` +
        `largest event-loop delay the server recorded, median round ${ms(lag)} ms (max ${ms(Math.max(...loop.rounds.map((x) => x.lagMaxMs)))} ms, ` +
        `${loop.rounds[0]!.concurrency} requests at once, 10 ms resolution included)`,
      met,
      ...(met ? {} : { gap: failed > 0 ? `${failed} answers were not 200` : `${ms(cpu - LIMITS.loopHoldMs)} ms over` }),
    });
  } else out.push({ id: 'event-loop-hold', target: 'a 200k-character analysis holds the event loop <= 50 ms', measured: 'not run', met: undefined });

  const http = r.http;
  if (http) {
    const pdfCells = http.cells.filter((c) => c.body === 'pdf');
    const best = [...pdfCells].sort((a, b) => b.perSecond - a.perSecond)[0];
    if (best) {
      const share = best.perSecond / http.floor.perSecond;
      const ownShare = best.perSecond / http.ownExtraction.perSecond;
      out.push({
        id: 'throughput',
        target: `HTTP PDF throughput >= ${pct(LIMITS.throughputShare)} of bare pdf-parse extraction on the same ${http.floor.processes} process(es)`,
        measured:
          `${pct(share)} (${best.perSecond.toFixed(1)}/s at c=${best.connections} vs bare pdf-parse ${http.floor.perSecond.toFixed(1)}/s); ` +
          `${pct(ownShare)} of the server's own extraction call on the same processes (${http.ownExtraction.perSecond.toFixed(1)}/s)`,
        met: share >= LIMITS.throughputShare,
        ...(share < LIMITS.throughputShare
          ? {
              gap: `${(LIMITS.throughputShare * http.floor.perSecond - best.perSecond).toFixed(1)}/s short (${pct(LIMITS.throughputShare - share)} points); server CPU ${ms(best.serverCpuMsPerOk)} ms per answer (main thread ${ms(best.mainCpuMsPerOk)} ms: HTTP and analysis; extraction children ${ms(best.serverCpuMsPerOk - best.mainCpuMsPerOk)} ms) vs ${ms(http.floor.cpuMsPerDocument)} ms per bare parse, ${best.serverCores.toFixed(2)} of ${r.machine.cores} cores busy, load generator ${best.clientCpuCores.toFixed(2)} cores`,
            }
          : {}),
      });
    }
    const at8 = pdfCells.find((c) => c.connections === 8);
    if (at8) {
      out.push({
        id: 'p99-c8',
        target: `p99 at concurrency 8 < ${LIMITS.p99At8Ms} ms (PDF)`,
        measured: `${at8.p99} ms (p50 ${at8.p50} ms, ${at8.perSecond.toFixed(1)}/s)`,
        met: at8.p99 < LIMITS.p99At8Ms,
        ...(at8.p99 >= LIMITS.p99At8Ms
          ? { gap: `${at8.p99 - LIMITS.p99At8Ms} ms over; at c=8 a request waits for ~${(8 / Math.max(at8.perSecond, 1e-9) * 1000).toFixed(0)} ms of queue (8 / throughput)` }
          : {}),
      });
    } else out.push({ id: 'p99-c8', target: 'p99 at c=8 < 250 ms', measured: 'not run', met: undefined });
    const rss = http.peakRssAt32;
    out.push({
      id: 'rss-c32',
      target: `peak RSS of the server tree at concurrency 32 < ${mb(LIMITS.rssAt32Bytes)}`,
      measured: rss === undefined ? 'c=32 not run' : `${mb(rss)} (whole run ${mb(http.peakRss)}, up to ${http.peakProcesses} processes)`,
      met: rss === undefined ? undefined : rss < LIMITS.rssAt32Bytes,
      ...(rss !== undefined && rss >= LIMITS.rssAt32Bytes ? { gap: `${mb(rss - LIMITS.rssAt32Bytes)} over` } : {}),
    });
  } else {
    for (const id of ['throughput', 'p99-c8', 'rss-c32']) out.push({ id, target: id, measured: 'not run', met: undefined });
  }
  const b = r.batches;
  out.push(
    b
      ? {
          id: 'batch-throughput',
          target: `batches >= ${pct(LIMITS.batchShare)} of the synchronous throughput on the same cores`,
          measured:
            `${pct(b.share)} (${b.batches.perSecond.toFixed(1)} vs ${b.sync.perSecond.toFixed(1)} resumes/s over ${b.items} resumes; ` +
            `queue overhead ${ms(b.overheadMsPerItem)} ms per item)`,
          met: b.share >= LIMITS.batchShare,
          ...(b.share < LIMITS.batchShare
            ? { gap: `${pct(LIMITS.batchShare - b.share)} short; ${b.batches.failed} failed items, ${b.sync.failed} failed sync answers` }
            : {}),
        }
      : { id: 'batch-throughput', target: 'batches >= 90% of synchronous throughput', measured: 'not run', met: undefined },
  );
  const ocr = r.ocr;
  out.push(
    ocr
      ? {
          id: 'ocr-two-page-scan',
          target: `a two-page scan read by OCR in < ${LIMITS.ocrTwoPageSeconds} s (extraction; median)`,
          measured: `${ocr.scanSeconds.toFixed(1)} s (${ocr.secondsPerPage.toFixed(1)} s per page, load average ${r.machine.loadAverageAtStart[0]} at start)`,
          met: ocr.scanSeconds < LIMITS.ocrTwoPageSeconds,
          ...(ocr.scanSeconds >= LIMITS.ocrTwoPageSeconds
            ? { gap: `${x(ocr.scanSeconds / LIMITS.ocrTwoPageSeconds)} the budget; recognition dominates (tesseract.js WebAssembly)` }
            : {}),
        }
      : { id: 'ocr-two-page-scan', target: 'a two-page scan read by OCR in < 10 s', measured: 'not run', met: undefined },
  );
  return out;
}

/** A ratio as a percentage, or as a multiple once analysis outweighs extraction (TXT has no real extraction). */
const ratioText = (v: number) => (v >= 10 ? `${v.toFixed(0)}x` : pct(v));

const verdict = (t: Target) => (t.met === undefined ? 'not run' : t.met ? 'met' : '**not met**');

export function renderMarkdown(r: BenchReport, targets: Target[]): string {
  const m = r.machine;
  const lines: string[] = [];
  const table = (head: string[], rows: Array<Array<string | number>>) => {
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };
  lines.push(`# SkillBridge benchmark: ${m.date.slice(0, 10)}`, '');
  lines.push(
    `Generated by \`npm run bench\` (preset \`${r.options.preset}\`, ${r.durationS.toFixed(0)} s). ` +
      'Read bench/README.md for what each figure means.',
    '',
  );
  table(
    ['machine', ''],
    [
      ['CPU', `${m.cpu}`],
      ['cores', m.cores],
      ['memory', `${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB`],
      ['Node', m.node],
      ['OS', m.os],
      ['date', m.date],
      ['load average at start (1, 5, 15 min)', m.loadAverageAtStart.join(', ')],
      ['commit', `${m.commit}${m.dirty ? ' (src/ or data/ had uncommitted changes)' : ''}`],
    ],
  );

  lines.push('## Targets', '');
  table(
    ['target', 'measured', 'verdict', 'if missed: by how much, and where'],
    targets.map((t) => [t.target, t.measured, verdict(t), t.gap ?? '']),
  );

  const s = r.stages;
  if (s) {
    lines.push('## 1. Per-stage time (ms per resume, in-process)', '');
    lines.push(
      `${s.resumes.length} resumes (${FORMATS.map((f) => `${s.byFormat[f].extract.n} ${f.toUpperCase()}`).join(', ')}); ` +
        'each stage repeated on each resume after two warm-up passes, the median of its calls kept; the table gives the ' +
        'median and p95 of those per-resume figures. TXT "extract" is decoding the bytes. "analysis" is everything after ' +
        'extraction (read, which is normalize + segment + the structured fields, then match + score + gaps + rewrite); "ratio" is analysis / extraction per resume (not given for the mixed "all" row).',
      '',
    );
    const cols = [...STAGES, 'analysis', 'ratio'] as const;
    table(
      ['format', 'n', ...cols],
      (['all', ...FORMATS] as const).map((f) => {
        const g = s.byFormat[f];
        return [
          f,
          g.extract.n,
          ...cols.map((c) =>
            c !== 'ratio'
              ? `${ms(g[c].median)} / ${ms(g[c].p95)}`
              : f === 'all'
                ? 'n/a'
                : `${ratioText(g.ratio.median)} / ${ratioText(g.ratio.p95)}`,
          ),
        ];
      }),
    );
    lines.push('Cells are median / p95.', '');
    if (s.skipped.length > 0) {
      lines.push(`Skipped (the server answers them with an error): ${s.skipped.map((k) => `${k.name} (${k.reason})`).join('; ')}.`, '');
    }
  }

  const t = r.taxonomy;
  if (t) {
    lines.push('## 2. Taxonomy scaling (matchEvidence)', '');
    lines.push(
      `The real taxonomy, then with synthetic patterns added through \`compileTaxonomy\` so that it holds 10x and 100x ` +
        `as many patterns; the same ${t.documents.length} documents each time. Synthetic phrases are 2-4 words of these ` +
        'documents\' own vocabulary (some with `a|b` or `*`), redrawn when their first two words occur together in the ' +
        'texts, so they walk deep into the trie without adding evidence (the evidence column). Time is the sum over the ' +
        `documents of the median call; each taxonomy is compiled once, then on each document the factors are timed back to back; ${r.options.scalingRounds} rounds, the median round kept per factor, and the ratio is the median of each round's own ratio.`,
      '',
    );
    table(
      ['factor', 'patterns', 'phrases', 'trie sequences', 'trie nodes', 'compile ms', 'match ms', 'evidence', 'ratio'],
      t.rows.map((row) => [
        `${row.factor}x`,
        row.patterns,
        row.phrases,
        row.sequences,
        row.trieNodes,
        ms(row.compileMs),
        ms(row.matchMs),
        row.evidence,
        x(row.ratio),
      ]),
    );
  }

  const l = r.length;
  if (l) {
    lines.push('## 3. Text length scaling', '');
    lines.push(
      `The normalized text of \`${l.document}\` (the PDF of median length) repeated k times. "match" is matchEvidence ` +
        '(scan + evidence spans), "scan" is matchText (tokenize + trie walk + context rules). "per char" is the time per ' +
        `character relative to 1x: 1.00 is perfectly linear. Factors measured in turn, ${r.options.scalingRounds} rounds: times are each factor's median round, ratios the median of each round's own ratio to its 1x.`,
      '',
    );
    table(
      ['factor', 'characters', 'match ms', 'per char', 'scan ms', 'per char (scan)'],
      l.rows.map((row) => [`${row.factor}x`, row.characters, ms(row.matchMs), x(row.perCharRatio), ms(row.scanMs), x(row.scanPerCharRatio)]),
    );
  }

  const tx = r.text;
  if (tx) {
    lines.push('## 3b. Text steps per character (hostile shapes)', '');
    lines.push(
      'Each shape as a `{ "text": ... }` body would be, through the whole text path in-process: normalize, segment, ' +
        'match, score, rewrites and the gap report, with the same text (up to 100k characters) as the job posting. ' +
        '"per char" is the time per character relative to the smallest size: 1.00 is perfectly linear. Texts past ' +
        'TEXT_WORK_MIN_CHARS run this path in a text-work child, off the HTTP event loop.',
      '',
    );
    table(
      ['shape', 'characters', 'ms', 'ns/char', 'per char'],
      tx.rows.map((row) => [row.shape, row.characters, ms(row.ms), row.nsPerChar.toFixed(0), x(row.perCharRatio)]),
    );
  }

  const lp = r.loop;
  if (lp) {
    lines.push('## 3c. Event loop under large texts', '');
    lines.push(
      `The real server (\`${lp.serverCommand}\`, its own process, default configuration) gets rounds of ` +
        `${lp.rounds[0]?.concurrency ?? 0} concurrent \`POST /v1/analyses\` with ${lp.chars} characters of text each, after one warm-up. ` +
        'Texts that long are read, analysed and written as JSON in a text-work child; the HTTP process receives the bytes. ' +
        '"main CPU" is the HTTP process\'s main-thread CPU time (/proc) per request: an upper bound on how long one ' +
        'request held its event loop. "loop max" is the largest event-loop delay the server itself recorded in the round ' +
        '(prom-client gauge, 10 ms resolution included; wall clock, so it also counts time the host ran other work).',
      '',
    );
    table(
      ['round', 'main CPU ms/request', 'loop max ms', 'wall ms', 'answer bytes', 'statuses'],
      lp.rounds.map((row, i) => [i + 1, ms(row.mainCpuMsPerRequest), ms(row.lagMaxMs), ms(row.wallMs), row.answerBytes[0] ?? 0, row.statuses.join(',')]),
    );
  }

  const h = r.http;
  if (h) {
    lines.push('## 4. HTTP throughput and latency', '');
    lines.push(
      `\`POST ${h.endpoint}\` on the real server (\`${h.serverCommand}\`, ` +
        `child process, 127.0.0.1), ${h.extractionChildren} extraction child process(es); load from autocannon's programmatic API in the ` +
        `benchmark process with Buffer bodies, ${r.options.http.durationS} s per cell after a ${r.options.http.warmupS} s warm-up per body. ` +
        'Latency percentiles are over 2xx answers (autocannon records only those). The load generator shares the same cores.',
      '',
    );
    table(
      ['body', 'source', 'bytes', 'probe'],
      h.bodies.map((b) => [
        b.label,
        `\`${b.source}\``,
        b.bytes,
        `${b.probe.status}${b.probe.characters !== undefined ? `, ${b.probe.characters} chars read` : ''}${b.probe.competencies !== undefined ? `, ${b.probe.competencies} competencies` : ''}${b.probe.error ? `, ${b.probe.error}` : ''}`,
      ]),
    );
    table(
      ['body', 'concurrency', 'req/s (2xx)', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors', 'timeouts', 'non-2xx', 'server CPU ms/answer (main + children)', 'server cores', 'client cores', 'peak RSS'],
      h.cells.map((c) => [
        c.body,
        c.connections,
        c.perSecond.toFixed(1),
        c.p50,
        c.p90,
        c.p99,
        c.max,
        c.errors,
        c.timeouts,
        c.non2xx > 0 ? `${c.non2xx} (${Object.entries(c.statusCodes).filter(([k]) => !k.startsWith('2')).map(([k, v]) => `${k}: ${v}`).join(', ')})` : 0,
        `${ms(c.serverCpuMsPerOk)} (${ms(c.mainCpuMsPerOk)} + ${ms(c.serverCpuMsPerOk - c.mainCpuMsPerOk)})`,
        c.serverCores.toFixed(2),
        c.clientCpuCores.toFixed(2),
        mb(c.peakRss),
      ]),
    );
    lines.push(
      `**Floor**: bare pdf-parse (the library as installed, called as the server calls it: load, getText, destroy; no HTTP, no analysis) ` +
        `over the same PDF on ${h.floor.processes} process(es) at once: **${h.floor.perSecond.toFixed(1)} PDFs/s**` +
        `${samplesText(h.floor)}, ${ms(h.floor.cpuMsPerDocument)} ms CPU per document. ` +
        `The server's own extraction call (\`extractPdfText\`, the same calls with the engine's \`Array.prototype.push\` restored, ` +
        `see src/extraction/native-push.ts) on the same processes: **${h.ownExtraction.perSecond.toFixed(1)} PDFs/s**` +
        `${samplesText(h.ownExtraction)}, ${ms(h.ownExtraction.cpuMsPerDocument)} ms CPU per document. ` +
        'Each floor is the mean of samples taken before and after the HTTP cells.',
      '',
    );
    const best = [...h.cells.filter((c) => c.body === 'pdf')].sort((a, b) => b.perSecond - a.perSecond)[0];
    if (best) {
      lines.push(
        `Where a PDF answer's CPU goes (best PDF cell, c=${best.connections}): ${ms(best.serverCpuMsPerOk)} ms per answer, ` +
          `${ms(best.mainCpuMsPerOk)} ms in the server process (HTTP, multipart, analysis, the pool's side of the IPC) and ` +
          `${ms(best.serverCpuMsPerOk - best.mainCpuMsPerOk)} ms in the extraction children, against ` +
          `${ms(h.ownExtraction.cpuMsPerDocument)} ms for the same extraction call in a bare loop; the tree kept ` +
          `${best.serverCores.toFixed(2)} of ${r.machine.cores} cores busy.`,
        '',
      );
    }
    lines.push('## 5. Memory', '');
    lines.push(
      `Peak RSS of the server's Node process tree (server + extraction children, summed from /proc every 50 ms): ` +
        `**${mb(h.peakRss)}** over the HTTP run${h.peakRssAt32 !== undefined ? `, **${mb(h.peakRssAt32)}** during the concurrency-32 cells` : ''}; ` +
        `at most ${h.peakProcesses} processes.`,
      '',
    );
  }
  const b = r.batches;
  if (b) {
    lines.push('## 6. Batches', '');
    table(
      ['set-up', 'resumes', 'wall time (s)', 'resumes/s', 'CPU ms/resume (all processes)', 'failed'],
      [
        [
          'POST /v1/analyses, one server',
          b.items,
          (b.sync.wallMs / 1000).toFixed(1),
          b.sync.perSecond.toFixed(1),
          ms(b.sync.cpuMsPerItem),
          b.sync.failed,
        ],
        [
          `POST /v1/batches (${b.batches.batches} batches), API + ${b.batches.workers} workers + Redis`,
          b.items,
          (b.batches.wallMs / 1000).toFixed(1),
          b.batches.perSecond.toFixed(1),
          ms(b.batches.cpuMsPerItem),
          b.batches.failed,
        ],
      ],
    );
    lines.push(`Queue overhead per item (difference of wall times / items): ${ms(b.overheadMsPerItem)} ms.`, '');
  }
  const o = r.ocr;
  if (o) {
    lines.push('## 7. OCR (in-process)', '');
    lines.push(
      `${o.scan} (${o.pages} pages, 150 dpi grey, mean confidence ${o.confidence}): median of ${o.reps} reads after a warm-up ` +
        `read that also started the tesseract worker. Text PDF: the original of that scan, read with OCR on and off in turn.`,
      '',
    );
    table(
      ['figure', 'value'],
      [
        ['two-page scan, s', o.scanSeconds.toFixed(2)],
        ['per page, s', o.secondsPerPage.toFixed(2)],
        ['first scan (worker start included), s', o.firstScanSeconds.toFixed(2)],
        ['text PDF, OCR off, ms', o.textPdfMsOcrOff.toFixed(2)],
        ['text PDF, OCR on, ms', o.textPdfMsOcrOn.toFixed(2)],
      ],
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The compact block `npm run bench` keeps up to date in docs/benchmarks.md (between the markers). */
export function renderSummary(r: BenchReport, targets: Target[]): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(
    `Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB, ` +
      `Node ${m.node}, commit ${m.commit}${m.dirty ? ' (with uncommitted changes in the tree)' : ''}; load average at start ` +
      `${m.loadAverageAtStart.join(', ')}. Full report: [bench/results/latest.md](../bench/results/latest.md).`,
    '',
    '| target | measured | verdict |',
    '|---|---|---|',
    ...targets.map((t) => `| ${t.target} | ${t.measured}${t.gap ? `; ${t.gap}` : ''} | ${verdict(t)} |`),
    '',
  );
  const pdf = r.stages?.byFormat.pdf;
  if (pdf) {
    lines.push(
      `Per-stage median for a PDF resume (${pdf.extract.n} PDFs): ` +
        STAGES.map((s) => `${s} ${ms(pdf[s].median)} ms`).join(', ') +
        `; analysis after extraction ${ms(pdf.analysis.median)} ms.`,
      '',
    );
  }
  const h = r.http;
  if (h) {
    lines.push(`HTTP \`POST ${h.endpoint}\`, 2xx per second / p50 / p99 (ms):`, '');
    lines.push('| body | ' + r.options.http.connections.map((c) => `c=${c}`).join(' | ') + ' |');
    lines.push(`|---|${r.options.http.connections.map(() => '---').join('|')}|`);
    for (const body of ['pdf', 'docx', 'json']) {
      const cells = r.options.http.connections.map((c) => h.cells.find((x) => x.body === body && x.connections === c));
      lines.push(
        `| ${body} | ${cells.map((c) => (c ? `${c.perSecond.toFixed(1)} / ${c.p50} / ${c.p99}${c.non2xx + c.errors > 0 ? ` (${c.non2xx + c.errors} failed)` : ''}` : '-')).join(' | ')} |`,
      );
    }
    lines.push(
      '',
      `Floors on ${h.floor.processes} process(es): bare pdf-parse ${h.floor.perSecond.toFixed(1)} PDFs/s; ` +
        `the server's own extraction call ${h.ownExtraction.perSecond.toFixed(1)} PDFs/s. ` +
        `Peak RSS of the server and its extraction children: ${mb(h.peakRss)}.`,
    );
  }
  return lines.join('\n');
}
