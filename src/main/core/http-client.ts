/**
 * The HTTP client of a check: one GET, JSON parsed, non-2xx is an error (the
 * tutorial's `raise_for_status()`), got's own retries off so one check is one
 * breaker event, a timeout over the whole exchange, and a cap on the body
 * that stops reading (after decompression, so a gzip bomb is stopped too).
 */
import got, { type Got, type Request } from 'got';
import { classifyRequestError } from './classify';
import {
  HttpStatusError,
  InvalidJsonError,
  parseRetryAfter,
  RequestFailedError,
  ResponseTooLargeError,
} from './errors';

export interface HttpClientOptions {
  /** Whole-exchange timeout (connect, headers and body), in ms. */
  readonly timeoutMs: number;
  /** Largest body accepted, in bytes, after decompression. */
  readonly maxBytes: number;
  /** Extra request headers. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Replaces the DNS resolver (tests simulate resolver failures without any network). */
  readonly dnsLookup?: (
    hostname: string,
    options: object,
    callback: (error: NodeJS.ErrnoException | null, address?: string, family?: number) => void,
  ) => void;
}

export interface HttpResponse {
  readonly status: number;
  readonly data: unknown;
  readonly bytes: number;
  readonly latencyMs: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Method, JSON body and headers of one endpoint's request. */
export interface RequestInit {
  readonly method?: 'GET' | 'POST';
  /** JSON text, sent with POST. */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What the monitor needs from a client; tests may provide their own. */
export interface HttpClient {
  getJson(url: string, signal?: AbortSignal, init?: RequestInit): Promise<HttpResponse>;
  readonly options: HttpClientOptions;
}

const MAX_REDIRECTS = 5;
const USER_AGENT = 'Breakwatch (+https://github.com/breakwatch)';

export function createHttpClient(options: HttpClientOptions): HttpClient {
  // Everything fixed per endpoint is merged once: got's per-call option
  // merging is a large part of a loopback call's cost.
  const http = got.extend({
    retry: { limit: 0 },
    timeout: { request: options.timeoutMs },
    throwHttpErrors: false,
    // Same-origin redirects only: the endpoint's headers (API keys) must
    // never be sent to a host the user did not configure. `requestUrl` is
    // the URL first asked for, whatever redirects came before.
    followRedirect: (response) => redirectTarget(response)?.origin === response.requestUrl.origin,
    maxRedirects: MAX_REDIRECTS,
    decompress: true,
    ...(options.dnsLookup ? { dnsLookup: options.dnsLookup as never } : {}),
    headers: { accept: 'application/json', 'user-agent': USER_AGENT, ...options.headers },
  });
  return {
    options,
    async getJson(url, signal, init) {
      try {
        return await requestJson(http, url, options, signal, init);
      } catch (error) {
        throw classifyRequestError(error, options.timeoutMs);
      }
    },
  };
}

function requestJson(
  http: Got,
  url: string,
  options: HttpClientOptions,
  signal?: AbortSignal,
  init: RequestInit = {},
): Promise<HttpResponse> {
  const started = performance.now();
  const post = init.method === 'POST';
  const headers = { ...(post && init.body ? { 'content-type': 'application/json' } : {}), ...init.headers };
  const stream: Request = http.stream(url, {
    ...(post ? { method: 'POST' as const, ...(init.body ? { body: init.body } : {}) } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  });

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    let status = 0;
    let headers: HttpResponse['headers'] = {};
    let bytes = 0;
    const chunks: Buffer[] = [];

    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      stream.destroy();
      reject(error);
    };
    // Our own listener rather than got's `signal` option: the same effect
    // without got's per-request signal handling (≈ 6 µs a call on loopback).
    const onAbort = () => fail(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });

    stream.on(
      'response',
      (response: {
        statusCode: number;
        statusMessage?: string;
        headers: HttpResponse['headers'];
        requestUrl: URL;
      }) => {
        status = response.statusCode;
        headers = response.headers;
        const offOrigin = status >= 300 && status < 400 ? redirectTarget(response) : null;
        // The same rule as followRedirect: against the URL first asked for.
        if (offOrigin && offOrigin.origin !== response.requestUrl.origin) {
          fail(
            new RequestFailedError(
              'REDIRECT_OFF_ORIGIN',
              'invalid-response',
              `Redirect to another host refused (${offOrigin.origin})`,
              { status },
            ),
          );
          return;
        }
        if (status < 200 || status > 299) {
          const retryAfter =
            status === 429 || status === 503
              ? parseRetryAfter(headerValue(response.headers['retry-after']), Date.now())
              : null;
          fail(new HttpStatusError(status, response.statusMessage ?? '', retryAfter));
        }
      },
    );
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > options.maxBytes) {
        fail(new ResponseTooLargeError(options.maxBytes, status));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', fail);
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      const latencyMs = performance.now() - started;
      try {
        resolve({ status, data: parseJson(Buffer.concat(chunks), status), bytes, latencyMs, headers });
      } catch (error) {
        reject(error);
      }
    });
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function parseJson(body: Buffer, status: number): unknown {
  if (body.length === 0) throw new InvalidJsonError('the body is empty', status);
  let text: string;
  try {
    text = utf8.decode(body);
  } catch (cause) {
    throw new InvalidJsonError('the body is not valid UTF-8', status, cause);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    const start = text.trimStart().slice(0, 1);
    const reason = start === '<' ? 'the body is HTML, not JSON' : (cause as Error).message;
    throw new InvalidJsonError(reason, status, cause);
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Where a 3xx response points, resolved against the URL that answered; null if nowhere. */
function redirectTarget(response: {
  headers: Record<string, string | string[] | undefined>;
  url?: string;
}): URL | null {
  const location = headerValue(response.headers['location']);
  if (!location) return null;
  try {
    return new URL(location, response.url);
  } catch {
    return null;
  }
}
