/**
 * A small API-Gateway-like adapter: an HTTP server on 127.0.0.1 that turns
 * each request into a Lambda proxy event and the handler's answer into an
 * HTTP response. The `down` fault closes the listener, so clients get a real
 * "connection refused"; switching back listens again on the same port.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultMode } from '../../shared/model';
import { createDemoLambda, DEMO_STAGE, type ApiGatewayEvent } from './lambda-handler';

export interface DemoLambdaServer {
  /** Base URL of the stage, e.g. `http://127.0.0.1:41234/dev`. */
  readonly url: string;
  readonly port: number;
  readonly fault: FaultMode;
  setFault(mode: FaultMode): Promise<void>;
  close(): Promise<void>;
}

export interface DemoLambdaServerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly slowDelayMs?: number;
  readonly initialFault?: FaultMode;
  readonly random?: () => number;
}

function toEvent(request: IncomingMessage): ApiGatewayEvent {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers[name] = value;
  }
  const query = Object.fromEntries(url.searchParams);
  return {
    httpMethod: request.method ?? 'GET',
    path: url.pathname,
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : null,
    requestContext: { requestId: randomUUID(), stage: DEMO_STAGE },
  };
}

export async function startDemoLambda(options: DemoLambdaServerOptions = {}): Promise<DemoLambdaServer> {
  let fault: FaultMode = options.initialFault ?? 'healthy';
  const handler = createDemoLambda({
    fault: () => fault,
    slowDelayMs: options.slowDelayMs ?? 7000,
    ...(options.random ? { random: options.random } : {}),
  });

  const server: Server = createServer((request, response) => {
    handler(toEvent(request)).then(
      (result) => {
        if (response.destroyed) return;
        response.writeHead(result.statusCode, result.headers);
        response.end(request.method === 'HEAD' ? undefined : result.body);
      },
      () => {
        response.writeHead(502, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: 'Internal server error' }));
      },
    );
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const port = await listen(options.port ?? 0);
  if (fault === 'down') await stopListening();

  return {
    url: `http://127.0.0.1:${port}/${DEMO_STAGE}`,
    port,
    get fault() {
      return fault;
    },
    async setFault(mode) {
      const wasDown = fault === 'down';
      fault = mode;
      if (mode === 'down' && !wasDown) await stopListening();
      if (mode !== 'down' && wasDown) await listen(port);
    },
    close: stopListening,
  };
}
