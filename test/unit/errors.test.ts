import { RequestError } from 'got';
import { describe, expect, it } from 'vitest';
import { classifyRequestError } from '../../src/main/core/classify';
import { BreakerOpenError, HttpStatusError, RequestFailedError } from '../../src/main/core/errors';
import { describeError, presentBody } from '../../src/main/core/outcome';

const socketError = (code: string, message = `${code} happened`) =>
  Object.assign(new Error(message), { code });

describe('classifyRequestError', () => {
  it.each([
    ['ECONNREFUSED', 'CONNECTION_REFUSED', 'connection'],
    ['ECONNRESET', 'CONNECTION_RESET', 'connection'],
    ['EPIPE', 'CONNECTION_RESET', 'connection'],
    ['HPE_INVALID_CONSTANT', 'CONNECTION_RESET', 'connection'],
    ['ENOTFOUND', 'DNS_FAILURE', 'connection'],
    ['EAI_AGAIN', 'DNS_FAILURE', 'connection'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS_FAILURE', 'connection'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS_FAILURE', 'connection'],
    ['ETIMEDOUT', 'TIMEOUT', 'timeout'],
    ['ERR_TOO_MANY_REDIRECTS', 'TOO_MANY_REDIRECTS', 'invalid-response'],
    ['EHOSTUNREACH', 'CONNECTION_FAILED', 'connection'],
  ])('%s → %s (%s)', (code, expectedCode, category) => {
    const classified = classifyRequestError(socketError(code), 2000);
    expect(classified).toBeInstanceOf(RequestFailedError);
    expect(classified).toMatchObject({ code: expectedCode, category });
    expect((classified as Error).cause).toBeDefined();
  });

  it('classifies a got RequestError by its code', () => {
    const error = new RequestError(
      'connect ECONNREFUSED 127.0.0.1:1',
      socketError('ECONNREFUSED'),
      {} as never,
    );
    expect(classifyRequestError(error, 1000)).toMatchObject({ code: 'CONNECTION_REFUSED' });
  });

  it('names the timeout in seconds', () => {
    expect((classifyRequestError(socketError('ETIMEDOUT'), 2000) as Error).message).toBe(
      'Timed out: no complete response within 2 s',
    );
  });

  it('tells a connection that never came from a slow answer', () => {
    const timeout = (timings: object) =>
      Object.assign(
        new RequestError("Timeout awaiting 'request' for 1500ms", socketError('ETIMEDOUT'), {} as never),
        {
          timings,
        },
      );
    const message = (timings: object) => (classifyRequestError(timeout(timings), 1500) as Error).message;
    expect(message({ start: 1, socket: 2 })).toBe('Timed out connecting: no connection within 1.5 s');
    expect(message({ start: 1, socket: 2, connect: 3 })).toBe('Timed out: no complete response within 1.5 s');
    expect(classifyRequestError(timeout({ start: 1, socket: 2 }), 1500)).toMatchObject({
      code: 'TIMEOUT',
      category: 'timeout',
    });
  });

  it('leaves bugs alone', () => {
    const bug = new TypeError('undefined is not a function');
    expect(classifyRequestError(bug, 1000)).toBe(bug);
  });
});

describe('HttpStatusError', () => {
  it('puts 5xx and everything else non-2xx in their groups', () => {
    expect(new HttpStatusError(503, 'Service Unavailable')).toMatchObject({
      category: 'http-5xx',
      status: 503,
    });
    expect(new HttpStatusError(404, 'Not Found')).toMatchObject({
      category: 'http-4xx',
      message: 'HTTP 404 Not Found',
    });
  });
});

describe('describeError', () => {
  const all = () => true;
  it('gives the tutorial breaker message for a fast fail', () => {
    expect(describeError(new BreakerOpenError(5), 1, all)).toMatchObject({
      kind: 'breaker-open',
      code: 'BREAKER_OPEN',
      message:
        'The request has failed repeatedly. The circuit breaker has been activated to prevent further attempts for a while.',
    });
  });

  it('gives the tutorial connection message with the detail', () => {
    expect(describeError(new HttpStatusError(500, 'Internal Server Error'), 1, all)).toMatchObject({
      kind: 'request-failed',
      message: 'An error occurred while trying to connect to the API: HTTP 500 Internal Server Error',
      status: 500,
      counted: true,
    });
  });
});

describe('presentBody', () => {
  it('pretty-prints and shortens past the limit', () => {
    expect(presentBody({ a: 1 }, 100)).toEqual({ body: '{\n  "a": 1\n}', truncated: false });
    expect(presentBody({ a: 'x'.repeat(50) }, 20)).toMatchObject({ truncated: true });
    expect(presentBody({ a: 'x'.repeat(50) }, 20).body).toHaveLength(20);
  });
});
