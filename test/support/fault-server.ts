/**
 * A loopback HTTP server whose behaviour a test switches at will, counting
 * every request (and connection) it sees. Used by integration and e2e tests.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export type FaultServerMode =
  | { kind: 'json'; status?: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: string | Buffer; headers?: Record<string, string> }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'stall-body' }
  | { kind: 'huge'; bytes: number }
  | { kind: 'redirect-loop' }
  | { kind: 'redirect-to'; location: string }
  | { kind: 'reset-mid-body' }
  | { kind: 'drip'; everyMs: number }
  | { kind: 'gzip-bomb'; bytes: number };

export interface FaultServer {
  readonly url: string;
  readonly port: number;
  /** Requests received since start (or the last `resetCount`). */
  readonly requests: number;
  /** TCP connections accepted since start. */
  readonly connections: number;
  /** Bytes of the last `huge` body written before the client hung up or it ended. */
  readonly lastHugeBytesSent: number | null;
  set(mode: FaultServerMode): void;
  resetCount(): void;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 'a');

function streamBytes(
  response: ServerResponse,
  total: number,
  headers: Record<string, string>,
  onDone: (sent: number) => void,
): void {
  response.writeHead(200, { 'content-type': 'application/json', ...headers });
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      const piece = CHUNK.subarray(0, Math.min(CHUNK.length, total - sent));
      sent += piece.length;
      if (!response.write(piece)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end();
  };
  response.on('close', () => {
    onDone(sent);
    sent = total;
  });
  pump();
}

export async function startFaultServer(
  initial: FaultServerMode = { kind: 'json', body: { ok: true } },
): Promise<FaultServer> {
  let mode = initial;
  let requests = 0;
  let connections = 0;
  let lastHugeBytesSent: number | null = null;
  const sockets = new Set<Socket>();

  const server: Server = createServer((request, response) => {
    requests += 1;
    switch (mode.kind) {
      case 'json':
        response.writeHead(mode.status ?? 200, { 'content-type': 'application/json', ...mode.headers });
        response.end(JSON.stringify(mode.body));
        return;
      case 'raw':
        response.writeHead(mode.status, mode.headers ?? {});
        response.end(mode.body);
        return;
      case 'reset':
        request.socket.destroy();
        return;
      case 'hang':
        return; // never answers
      case 'stall-body':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"partial": ');
        return; // body never finishes
      case 'huge':
        lastHugeBytesSent = null;
        streamBytes(response, mode.bytes, {}, (sent) => {
          lastHugeBytesSent = sent;
        });
        return;
      case 'gzip-bomb': {
        const body = gzipSync(Buffer.alloc(mode.bytes, ' '));
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        response.end(body);
        return;
      }
      case 'redirect-to':
        response.writeHead(302, { location: mode.location });
        response.end();
        return;
      case 'reset-mid-body':
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        response.write('{"items": [1, 2, 3', () => setTimeout(() => request.socket.destroy(), 20));
        return;
      case 'drip': {
        response.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => response.write(' '), mode.everyMs);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case 'redirect-loop':
        response.writeHead(302, { location: request.url === '/a' ? '/b' : '/a' });
        response.end();
        return;
    }
  });
  server.on('connection', (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return requests;
    },
    get connections() {
      return connections;
    },
    get lastHugeBytesSent() {
      return lastHugeBytesSent;
    },
    set(next) {
      mode = next;
    },
    resetCount() {
      requests = 0;
      connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port with nothing listening (connection refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
