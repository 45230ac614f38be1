import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, formatLogLine, formatLogTimestamp } from '../../src/main/core/logger';

describe('log format', () => {
  afterEach(() => vi.restoreAllMocks());

  it('formats YYYY-MM-DD HH:MM:SS +ZZZZ in local time', () => {
    const date = new Date(2026, 0, 5, 7, 8, 9);
    vi.spyOn(date, 'getTimezoneOffset').mockReturnValue(-330); // UTC+05:30
    expect(formatLogTimestamp(date)).toBe('2026-01-05 07:08:09 +0530');
    vi.spyOn(date, 'getTimezoneOffset').mockReturnValue(300); // UTC-05:00
    expect(formatLogTimestamp(date)).toBe('2026-01-05 07:08:09 -0500');
  });

  it('keeps one event per line', () => {
    const line = formatLogLine(new Date(2026, 0, 1), 'INFO', 'a\nINFO forged\r\nline');
    expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4} INFO a INFO forged line$/);
  });
});

describe('createLogger', () => {
  it('writes INFO lines to its output and to the log file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-log-'));
    const out: string[] = [];
    const logger = createLogger({ filePath: join(dir, 'logs', 'breakwatch.log'), write: (l) => out.push(l) });
    logger.info('hello');
    logger.warn('careful');
    await logger.close();
    const file = readFileSync(join(dir, 'logs', 'breakwatch.log'), 'utf8')
      .trim()
      .split('\n');
    expect(file).toEqual(out);
    expect(out[0]).toMatch(/ INFO hello$/);
    expect(out[1]).toMatch(/ WARNING careful$/);
  });

  it('keeps logging to its output when the log folder cannot be created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-log-'));
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const out: string[] = [];
    const logger = createLogger({ filePath: join(blocker, 'logs', 'b.log'), write: (l) => out.push(l) });
    logger.info('still here');
    expect(logger.filePath).toBeNull();
    expect(out[0]).toMatch(/WARNING Cannot open log file .*; logging to stdout only/);
    expect(out[1]).toMatch(/INFO still here$/);
    await logger.close();
  });
});
