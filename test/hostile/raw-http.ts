// Raw-socket HTTP for attacks supertest cannot express: stalled bodies, oversized headers, odd URLs.
import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from the first byte written to the server closing (or answering). */
  ms: number;
}

function parse(raw: string, ms: number): RawAnswer {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: split === -1 ? '' : raw.slice(split + 4), ms };
}

/** Writes `chunks` to the server and collects everything until it closes the socket or `maxMs` passes. */
export function rawRequest(url: string, chunks: Array<string | Buffer>, maxMs = 15_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    const started = Date.now();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(received).toString('latin1'), Date.now() - started));
    };
    const timer = setTimeout(finish, maxMs);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.on('data', (d) => received.push(d));
    socket.on('error', finish);
    socket.on('close', finish);
  });
}
