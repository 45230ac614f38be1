/**
 * Maps what got (and Node's sockets) throw onto Breakwatch's error classes.
 * Anything not recognised is returned unchanged, so the monitor treats it as
 * unexpected (shown, but not counted toward the breaker).
 */
import { RequestError } from 'got';
import { RequestFailedError } from './errors';

const RESET_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_HTTP_CONTENT_LENGTH_MISMATCH',
  'ERR_READING_RESPONSE_STREAM',
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const TLS_CODES = new Set([
  'EPROTO',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Classifies a transport-level failure of a request; unknown errors pass through. */
export function classifyRequestError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof RequestFailedError) return error;
  const code = errorCode(error);
  // got wraps socket errors in RequestError and keeps the socket's code.
  const isTransportError = error instanceof RequestError || (code !== undefined && /^E[A-Z]/.test(code));
  if (!isTransportError || code === undefined) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const options = { cause: error };

  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return new RequestFailedError(
      'TIMEOUT',
      'timeout',
      `Timed out: no complete response within ${formatSeconds(timeoutMs)}`,
      options,
    );
  }
  if (code === 'ECONNREFUSED') {
    return new RequestFailedError('CONNECTION_REFUSED', 'connection', `Connection refused (${raw})`, options);
  }
  if (RESET_CODES.has(code) || code.startsWith('HPE_')) {
    return new RequestFailedError('CONNECTION_RESET', 'connection', `Connection reset (${raw})`, options);
  }
  if (DNS_CODES.has(code)) {
    return new RequestFailedError('DNS_FAILURE', 'connection', `Host not found (${raw})`, options);
  }
  if (
    TLS_CODES.has(code) ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.startsWith('CERT_')
  ) {
    return new RequestFailedError('TLS_FAILURE', 'connection', `TLS failure (${raw})`, options);
  }
  if (code === 'ERR_TOO_MANY_REDIRECTS') {
    return new RequestFailedError(
      'TOO_MANY_REDIRECTS',
      'invalid-response',
      `Too many redirects (${raw})`,
      options,
    );
  }
  return new RequestFailedError('CONNECTION_FAILED', 'connection', `Connection failed (${raw})`, options);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
