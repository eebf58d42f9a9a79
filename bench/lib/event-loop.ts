// How long large texts hold the HTTP process's event loop (issue 12: no request may hold it for more than
// 50 ms). The real server runs as its own process; rounds of concurrent 200k-character analyses go to it,
// and two things are read from outside: the main thread's CPU time per request (/proc, an upper bound on
// how long each request held the loop, insensitive to other load on the machine) and the largest
// event-loop delay the server itself recorded (prom-client's monitorEventLoopDelay gauge on /metrics,
// reset at each scrape; it includes the 10 ms sampling resolution and any time the host did not run the
// process, so it is a wall-clock figure that only a quiet machine makes meaningful).
import { mainThreadCpuMs } from './proc.js';
import type { RunningServer } from './http.js';

export interface LoopRound {
  concurrency: number;
  statuses: number[];
  /** Bytes of each answer. */
  answerBytes: number[];
  /** Main-thread CPU of the server per request, ms. */
  mainCpuMsPerRequest: number;
  /** Largest event-loop delay the server recorded during the round, ms. */
  lagMaxMs: number;
  wallMs: number;
}

async function lagMaxMs(server: RunningServer): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const value = /^\w*nodejs_eventloop_lag_max_seconds ([\d.e+-]+)$/m.exec(text)?.[1];
  if (value === undefined) throw new Error('no event-loop lag gauge on /metrics');
  return Number(value) * 1000;
}

/** A text of `chars` characters made by repeating `sample`. */
export function repeatedText(sample: string, chars: number): string {
  return sample.repeat(Math.ceil(chars / sample.length)).slice(0, chars);
}

/** One warm-up analysis, then `rounds` rounds of `concurrency` analyses of `text` at once. */
export async function measureLoopUnderLargeTexts(
  server: RunningServer,
  text: string,
  opts: { rounds: number; concurrency: number },
): Promise<LoopRound[]> {
  const body = JSON.stringify({ text });
  const post = async () => {
    const res = await fetch(`${server.url}/v1/analyses`, {
      method: 'POST',
      headers: { ...server.headers, 'content-type': 'application/json' },
      body,
    });
    return { status: res.status, bytes: (await res.arrayBuffer()).byteLength };
  };
  await post();
  const rounds: LoopRound[] = [];
  for (let i = 0; i < opts.rounds; i++) {
    await lagMaxMs(server);
    const cpu0 = mainThreadCpuMs(server.pid);
    const t0 = performance.now();
    const answers = await Promise.all(Array.from({ length: opts.concurrency }, post));
    const wallMs = performance.now() - t0;
    const cpu = mainThreadCpuMs(server.pid) - cpu0;
    rounds.push({
      concurrency: opts.concurrency,
      statuses: answers.map((a) => a.status),
      answerBytes: answers.map((a) => a.bytes),
      mainCpuMsPerRequest: cpu / opts.concurrency,
      lagMaxMs: await lagMaxMs(server),
      wallMs,
    });
  }
  return rounds;
}
