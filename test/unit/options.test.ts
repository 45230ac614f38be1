import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, joinUrl, OptionsError, parseOptions } from '../../src/main/options';

const parse = (argv: string[], env: Record<string, string> = {}) => parseOptions(argv, env, { strict: true });

describe('parseOptions', () => {
  it('defaults to the tutorial: threshold 2, recovery 10 s, timeout 5 s, interval 15 s, 5 MiB cap', () => {
    expect(parse([])).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS).toMatchObject({
      failureThreshold: 2,
      recoveryTimeoutMs: 10_000,
      timeoutMs: 5_000,
      intervalMs: 15_000,
      maxResponseBytes: 5 * 1024 * 1024,
    });
  });

  it('reads flags, in seconds, and flags win over environment variables', () => {
    const options = parse(
      [
        '--url',
        'http://127.0.0.1:9000',
        '--failure-threshold',
        '3',
        '--recovery-timeout',
        '2.5',
        '--timeout',
        '2',
        '--interval',
        '0',
      ],
      { BREAKWATCH_FAILURE_THRESHOLD: '7', BREAKWATCH_PORT: '8123' },
    );
    expect(options).toMatchObject({
      url: 'http://127.0.0.1:9000',
      failureThreshold: 3,
      recoveryTimeoutMs: 2_500,
      timeoutMs: 2_000,
      intervalMs: 0,
      port: 8123,
    });
  });

  it.each([
    [['--url', 'ftp://example.com'], '--url'],
    [['--url', 'javascript:alert(1)'], '--url'],
    [['--failure-threshold', '0'], '--failure-threshold'],
    [['--failure-threshold', '1.5'], '--failure-threshold'],
    [['--recovery-timeout', 'soon'], '--recovery-timeout'],
    [['--interval', '0.5'], '--interval'],
    [['--timeout', '-1'], '--timeout'],
    [['--port', '70000'], '--port'],
    [['--colour', 'blue'], 'colour'],
  ])('rejects %j naming %s', (argv, name) => {
    expect(() => parse(argv)).toThrow(OptionsError);
    expect(() => parse(argv)).toThrow(name);
  });

  it('names the environment variable too', () => {
    expect(() => parse([], { BREAKWATCH_TIMEOUT: 'x' })).toThrow(/BREAKWATCH_TIMEOUT/);
  });

  it('ignores unknown switches when lenient (Electron passes its own)', () => {
    expect(parseOptions(['--no-sandbox', '.', '--interval', '5'], {}, { strict: false }).intervalMs).toBe(
      5_000,
    );
  });
});

describe('joinUrl', () => {
  it('joins base URL and endpoint as the tutorial does', () => {
    expect(joinUrl('https://x.execute-api.us-east-1.amazonaws.com', 'dev')).toBe(
      'https://x.execute-api.us-east-1.amazonaws.com/dev',
    );
    expect(joinUrl('http://h/base/', '/dev')).toBe('http://h/base/dev');
    expect(joinUrl('http://h/base', null)).toBe('http://h/base');
  });
});
