/**
 * The error hierarchy of a check. Every class has a stable `code` and, for
 * request failures, the `category` that decides whether it counts toward the
 * breaker. The original error is kept as `cause`.
 */
import type { ErrorCode, FailureCategory } from '../../shared/model';

/** Base class: every error Breakwatch raises on purpose. */
export class BreakwatchError extends Error {
  override readonly name: string = 'BreakwatchError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** The request was sent (or attempted) and failed: `requests.RequestException`. */
export class RequestFailedError extends BreakwatchError {
  override readonly name: string = 'RequestFailedError';
  readonly category: FailureCategory;
  /** HTTP status when the server answered. */
  readonly status: number | null;

  constructor(
    code: ErrorCode,
    category: FailureCategory,
    message: string,
    options?: { cause?: unknown; status?: number | null },
  ) {
    super(code, message, options);
    this.category = category;
    this.status = options?.status ?? null;
  }
}

/** Non-2xx answer: the tutorial's `raise_for_status()`. */
export class HttpStatusError extends RequestFailedError {
  override readonly name = 'HttpStatusError';

  /** The server's Retry-After (429 and 503 only), in ms from when it answered. */
  readonly retryAfterMs: number | null;

  constructor(status: number, statusText: string, retryAfterMs: number | null = null) {
    const category: FailureCategory = status >= 500 ? 'http-5xx' : 'http-4xx';
    const wait = retryAfterMs !== null ? `; Retry-After ${Math.ceil(retryAfterMs / 1000)} s` : '';
    super('HTTP_STATUS', category, `HTTP ${status}${statusText ? ` ${statusText}` : ''}${wait}`, {
      status,
    });
    this.retryAfterMs = retryAfterMs;
  }
}

/** The body is larger than the configured cap; reading stopped there. */
export class ResponseTooLargeError extends RequestFailedError {
  override readonly name = 'ResponseTooLargeError';

  constructor(limitBytes: number, status: number) {
    super(
      'RESPONSE_TOO_LARGE',
      'invalid-response',
      `Response too large: more than ${formatBytes(limitBytes)}`,
      { status },
    );
  }
}

/** The body is not JSON (an HTML error page, an empty body, garbage). */
export class InvalidJsonError extends RequestFailedError {
  override readonly name = 'InvalidJsonError';

  constructor(reason: string, status: number, cause?: unknown) {
    super('INVALID_JSON', 'invalid-response', `Invalid JSON in response: ${reason}`, {
      status,
      cause,
    });
  }
}

/** Rejected by the open breaker; no request was sent. */
export class BreakerOpenError extends BreakwatchError {
  override readonly name = 'BreakerOpenError';
  /** Wall-clock time when the breaker will turn half-open, if known. */
  readonly openUntil: number | null;
  /** True when the user holds the breaker open. */
  readonly held: boolean;

  constructor(openUntil: number | null, held = false) {
    super(
      'BREAKER_OPEN',
      held
        ? 'Circuit breaker is held open by the user; the request was not sent.'
        : 'Circuit breaker is open; the request was not sent.',
    );
    this.openUntil = openUntil;
    this.held = held;
  }
}

export function isRequestFailedError(error: unknown): error is RequestFailedError {
  return error instanceof RequestFailedError;
}

export function isBreakerOpenError(error: unknown): error is BreakerOpenError {
  return error instanceof BreakerOpenError;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** Parses a Retry-After header (delta-seconds or HTTP-date) into ms from `now`. */
export function parseRetryAfter(header: string | undefined, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), 7 * 86_400) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(0, date - now), 7 * 86_400_000);
}
