/** Small hand-made doubles for unit tests. */
import { vi } from 'vitest';
import type { HttpClient, HttpResponse } from '../../src/main/core/http-client';
import type { Logger } from '../../src/main/core/logger';

export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    filePath: null,
    info: (message) => lines.push(`INFO ${message}`),
    warn: (message) => lines.push(`WARNING ${message}`),
    error: (message) => lines.push(`ERROR ${message}`),
    close: () => Promise.resolve(),
  };
}

export type Responder = () => Promise<HttpResponse>;

/** A client whose next answers the test queues; it counts calls. */
export function scriptedClient(defaultResponder: Responder) {
  const queue: Responder[] = [];
  const getJson = vi.fn((_url: string) => (queue.shift() ?? defaultResponder)());
  const client: HttpClient = { getJson, options: { timeoutMs: 5000, maxBytes: 1024 } };
  return { client, getJson, next: (responder: Responder) => queue.push(responder) };
}

export const okResponse =
  (data: unknown = { ok: true }, latencyMs = 12): Responder =>
  () =>
    Promise.resolve({ status: 200, data, bytes: JSON.stringify(data).length, latencyMs, headers: {} });

export const failing =
  (error: unknown): Responder =>
  () =>
    Promise.reject(error);
