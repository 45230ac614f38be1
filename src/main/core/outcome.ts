/**
 * Turns what a check threw into the `ErrorInfo` users see, with the
 * tutorial's two messages: breaker-open vs. could-not-connect.
 */
import type { ErrorInfo, FailureCategory } from '../../shared/model';
import { translate } from '../../shared/messages';
import { BreakerOpenError, RequestFailedError } from './errors';

export function describeError(
  error: unknown,
  at: number,
  countsTowardBreaker: (category: FailureCategory) => boolean,
): ErrorInfo {
  if (error instanceof BreakerOpenError) {
    return {
      kind: 'breaker-open',
      code: error.code,
      category: null,
      message: translate('en', 'error.breakerOpen'),
      detail: error.message,
      status: null,
      counted: false,
      at,
    };
  }
  if (error instanceof RequestFailedError) {
    return {
      kind: 'request-failed',
      code: error.code,
      category: error.category,
      message: translate('en', 'error.requestFailed', { detail: error.message }),
      detail: error.message,
      status: error.status,
      counted: countsTowardBreaker(error.category),
      at,
    };
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    kind: 'unexpected',
    code: 'UNEXPECTED',
    category: null,
    message: translate('en', 'error.unexpected', { detail }),
    detail,
    status: null,
    counted: false,
    at,
  };
}

/** The body as users see it: pretty-printed JSON, shortened past `limitChars`. */
export function presentBody(data: unknown, limitChars: number): { body: string; truncated: boolean } {
  const text = JSON.stringify(data, null, 2) ?? 'null';
  if (text.length <= limitChars) return { body: text, truncated: false };
  return { body: text.slice(0, limitChars), truncated: true };
}
