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

type Classification = Pick<RequestFailedError, 'code' | 'category'> & { readonly label: string };

/** Known socket / TLS / got codes; null for codes this module does not know. */
function classifyCode(code: string): Classification | null {
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT')
    return { code: 'TIMEOUT', category: 'timeout', label: '' };
  if (code === 'ECONNREFUSED')
    return { code: 'CONNECTION_REFUSED', category: 'connection', label: 'Connection refused' };
  if (RESET_CODES.has(code) || code.startsWith('HPE_')) {
    return { code: 'CONNECTION_RESET', category: 'connection', label: 'Connection reset' };
  }
  if (DNS_CODES.has(code)) return { code: 'DNS_FAILURE', category: 'connection', label: 'Host not found' };
  if (TLS_CODES.has(code) || /^(ERR_TLS|ERR_SSL|CERT_)/.test(code)) {
    return { code: 'TLS_FAILURE', category: 'connection', label: 'TLS failure' };
  }
  if (code === 'ERR_TOO_MANY_REDIRECTS') {
    return { code: 'TOO_MANY_REDIRECTS', category: 'invalid-response', label: 'Too many redirects' };
  }
  return null;
}

/** Classifies a transport-level failure of a request; unknown errors pass through. */
export function classifyRequestError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof RequestFailedError) return error;
  const code = errorCode(error) ?? '';
  // got wraps every socket failure in RequestError; a bare error counts only with a known code.
  const known =
    classifyCode(code) ??
    (error instanceof RequestError || /^E[A-Z]+$/.test(code)
      ? { code: 'CONNECTION_FAILED' as const, category: 'connection' as const, label: 'Connection failed' }
      : null);
  if (!known) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const message =
    known.code !== 'TIMEOUT'
      ? `${known.label} (${raw})`
      : neverConnected(error)
        ? `Timed out connecting: no connection within ${formatSeconds(timeoutMs)}`
        : `Timed out: no complete response within ${formatSeconds(timeoutMs)}`;
  return new RequestFailedError(known.code, known.category, message, { cause: error });
}

/**
 * A timeout before the TCP (or TLS) connection was made: the host dropped
 * our packets or is down, rather than answering slowly. got records when the
 * socket connected; a socket that never did has no `connect` time.
 */
function neverConnected(error: unknown): boolean {
  if (!(error instanceof RequestError)) return false;
  const timings = error.timings;
  return timings !== undefined && timings.socket !== undefined && timings.connect === undefined;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
