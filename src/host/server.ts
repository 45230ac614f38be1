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
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { hostClientMessage, type HostServerMessage } from '../shared/contract';
import type { AppCore } from '../main/app-core';
import { dispatchInvoke, errorEnvelope } from '../main/ipc/dispatch';
import {
  contentSecurityPolicy,
  createRendererHandler,
  RENDERER_CONTENT_TYPES,
  securityHeaders,
  type RendererHandler,
} from '../main/protocol/renderer-files';

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
const TEXT = 'text/plain; charset=utf-8';
/** Large enough that an oversized form field reaches validation and gets its message. */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** The desktop policy plus this host's WebSocket (and nothing else). */
export function hostContentSecurityPolicy(port: number): string {
  return contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);
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

  // The same Request → Response handler as the desktop app's app:// protocol.
  let serveRenderer: RendererHandler = async () => new Response(null, { status: 503 });
  const send = (response: ServerResponse, status: number, body: string) => {
    response.writeHead(status, securityHeaders(hostContentSecurityPolicy(port), TEXT));
    response.end(body);
  };

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    if (!allowedHosts().includes(request.headers.host ?? ''))
      return send(response, 421, 'Misdirected request');
    const answer = await serveRenderer(
      new Request(new URL(request.url ?? '/', `http://127.0.0.1:${port}`), {
        method: request.method ?? 'GET',
      }),
    );
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  };

  const server = createServer((request, response) => {
    serve(request, response).catch(() => send(response, 400, 'Bad request'));
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
  serveRenderer = createRendererHandler({
    root: options.rendererDir,
    csp: hostContentSecurityPolicy(port),
    inline: {
      '/index.html': { type: RENDERER_CONTENT_TYPES['.html']!, body: indexHtml },
      [BRIDGE_PATH]: { type: RENDERER_CONTENT_TYPES['.js']!, body: options.bridgeScript },
    },
  });

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
