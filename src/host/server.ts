/**
 * The browser host: serves the built renderer on 127.0.0.1 and carries the
 * IPC contract over a WebSocket, so the real renderer runs against the real
 * core in any browser. Only loopback; the WebSocket needs the random token,
 * our own Origin and our own Host (against DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { hostClientMessage, type HostServerMessage } from '../shared/contract';
import type { AppCore } from '../main/app-core';
import { dispatchInvoke, errorEnvelope } from '../main/ipc/dispatch';

export interface HostServerOptions {
  readonly core: AppCore;
  /** Folder of the built renderer (with index.html). */
  readonly rendererDir: string;
  /** The browser bridge script (already bundled). */
  readonly bridgeScript: string;
  /** 0 = any free port. */
  readonly port: number;
  /** Fixed token (tests); default: 24 random bytes. */
  readonly token?: string;
}

export interface HostServer {
  /** The URL to open, token included. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const BRIDGE_PATH = '/breakwatch-bridge.js';
/** Large enough that an oversized form field reaches validation and gets its message. */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ws://127.0.0.1:${port} ws://localhost:${port}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const indexHtml = (await readFile(join(options.rendererDir, 'index.html'), 'utf8')).replace(
    '</head>',
    `  <script src=".${BRIDGE_PATH}"></script>\n  </head>`,
  );
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  const send = (response: ServerResponse, status: number, type: string, body: string | Buffer) => {
    response.writeHead(status, {
      'content-type': type,
      'content-security-policy': contentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    response.end(body);
  };

  const serveStatic = async (request: IncomingMessage, response: ServerResponse) => {
    if (!allowedHosts().includes(request.headers.host ?? '')) {
      return send(response, 421, 'text/plain; charset=utf-8', 'Misdirected request');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    }
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (pathname === '/' || pathname === '/index.html')
      return send(response, 200, CONTENT_TYPES['.html']!, indexHtml);
    if (pathname === BRIDGE_PATH) return send(response, 200, CONTENT_TYPES['.js']!, options.bridgeScript);
    const file = normalize(join(options.rendererDir, pathname));
    const type = CONTENT_TYPES[extname(file)];
    if (!file.startsWith(options.rendererDir + sep) || !type) {
      return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    }
    try {
      return send(response, 200, type, await readFile(file));
    } catch {
      return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  };

  const server = createServer((request, response) => {
    serveStatic(request, response).catch(() =>
      send(response, 400, 'text/plain; charset=utf-8', 'Bad request'),
    );
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const origin = request.headers.origin ?? '';
    const allowed =
      url.pathname === '/bridge' &&
      allowedHosts().includes(request.headers.host ?? '') &&
      allowedHosts().some((host) => origin === `http://${host}`) &&
      sameSecret(url.searchParams.get('token') ?? '', token);
    if (!allowed) {
      options.core.logger.warn(`Browser host refused a WebSocket from origin "${origin.slice(0, 100)}"`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => bindConnection(ws, options.core));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One browser tab: pushes events to it and answers its invokes. */
function bindConnection(ws: WebSocket, core: AppCore): void {
  const sendMessage = (message: HostServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const unsubscribe = core.subscribe((channel, payload) => sendMessage({ type: 'event', channel, payload }));
  // A new tab (or a reconnect) starts from the current state.
  sendMessage({ type: 'event', channel: 'app:info', payload: core.info() });
  sendMessage({ type: 'event', channel: 'settings:changed', payload: core.endpoints() });
  for (const snapshot of core.snapshots())
    sendMessage({ type: 'event', channel: 'monitor:snapshot', payload: snapshot });

  ws.on('message', (data, isBinary) => {
    let raw: unknown;
    try {
      raw = isBinary ? undefined : JSON.parse(String(data));
    } catch {
      raw = undefined;
    }
    const parsed = hostClientMessage.safeParse(raw);
    if (!parsed.success) {
      ws.close(1008, 'Malformed message');
      return;
    }
    const { id, channel, argument } = parsed.data;
    dispatchInvoke(core.handlers, channel, argument).then(
      (envelope) => sendMessage({ type: 'result', id, envelope }),
      (error: unknown) =>
        sendMessage({ type: 'result', id, envelope: errorEnvelope('INTERNAL', String(error)) }),
    );
  });
  ws.on('close', unsubscribe);
}
