import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

  it('rotates the file at its size limit and keeps a bounded number of old files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bw-log-'));
    const path = join(folder, 'breakwatch.log');
    const logger = createLogger({ filePath: path, write: () => {}, rotation: { maxBytes: 1000, keep: 2 } });
    for (let i = 0; i < 100; i += 1) logger.info(`line ${i} ${'x'.repeat(40)}`);
    await logger.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const files = readdirSync(folder).sort();
    expect(files).toEqual(['breakwatch.log', 'breakwatch.log.1', 'breakwatch.log.2']);
    for (const file of files) expect(statSync(join(folder, file)).size).toBeLessThanOrEqual(1000);
    expect(readFileSync(path, 'utf8')).toContain('line 99');
    // Timestamps keep the tutorial's format after rotation.
    expect(readFileSync(path, 'utf8').split('\n')[0]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4} INFO line/,
    );
  });

  it('keeps logging to its output when the log folder cannot be created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-log-'));
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const out: string[] = [];
    const logger = createLogger({ filePath: join(blocker, 'logs', 'b.log'), write: (l) => out.push(l) });
    logger.info('still here');
    expect(logger.filePath).toBeNull();
    expect(out[0]).toMatch(/WARNING Log file .* cannot be opened \(.*\); logging to stdout only/);
    expect(out[1]).toMatch(/INFO still here$/);
    await logger.close();
  });
});
