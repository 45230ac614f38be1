import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HistoryLog, historyToCsv } from '../../src/main/core/history';
import type { HistoryEvent } from '../../src/shared/model';

const event = (i: number, overrides: Partial<HistoryEvent> = {}): HistoryEvent => ({
  at: 1_765_000_000_000 + i,
  type: 'call',
  kind: i % 3 === 0 ? 'failure' : 'success',
  status: i % 3 === 0 ? 500 : 200,
  latencyMs: i,
  message: `event ${i}`,
  actor: 'schedule',
  ...overrides,
});
const file = () => join(mkdtempSync(join(tmpdir(), 'bw-history-')), 'history', 'ep.jsonl');

describe('HistoryLog', () => {
  it('filters newest first by type and text', async () => {
    const log = await HistoryLog.open(null, () => {});
    for (let i = 0; i < 10; i += 1) log.append(event(i));
    log.append(
      event(10, { type: 'action', kind: 'reset', message: 'Breaker reset by the user', actor: 'user' }),
    );
    expect(log.recent(3).map((e) => e.message)).toEqual(['Breaker reset by the user', 'event 9', 'event 8']);
    expect(log.recent(100, { types: ['action'] })).toHaveLength(1);
    expect(log.recent(100, { text: 'EVENT 7' }).map((e) => e.latencyMs)).toEqual([7]);
  });

  it('persists to a file that a new log reads back, skipping a torn last line', async () => {
    const path = file();
    const log = await HistoryLog.open(path, () => {});
    for (let i = 0; i < 5; i += 1) log.append(event(i));
    await log.flush();
    appendFileSync(path, '{"at": 17650'); // a crash mid-append
    const reopened = await HistoryLog.open(path, () => {});
    expect(reopened.recent(10).map((e) => e.message)).toEqual([
      'event 4',
      'event 3',
      'event 2',
      'event 1',
      'event 0',
    ]);
    expect((await reopened.all()).length).toBe(5);
  });

  it('rotates the file to the newest maxEvents', async () => {
    const path = file();
    const log = await HistoryLog.open(path, () => {}, 100);
    for (let i = 0; i < 250; i += 1) log.append(event(i));
    await log.flush();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(110);
    expect(lines.length).toBeGreaterThanOrEqual(100);
    expect(JSON.parse(lines.at(-1)!).message).toBe('event 249');
  });

  it('loses no event appended while the file is being rotated, and keeps their order', async () => {
    const path = file();
    const log = await HistoryLog.open(path, () => {}, 100);
    for (let i = 0; i <= 110; i += 1) log.append(event(i)); // the 111th line starts a rotation
    for (let i = 111; i <= 160; i += 1) {
      await new Promise((resolve) => setImmediate(resolve)); // the rotation reads and writes meanwhile
      log.append(event(i));
    }
    await log.flush();
    const numbers = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => Number((JSON.parse(line) as HistoryEvent).message.replace('event ', '')));
    expect(numbers.at(-1)).toBe(160);
    expect(numbers.length).toBeGreaterThanOrEqual(100);
    expect(numbers.length).toBeLessThanOrEqual(110);
    // Consecutive to the end: nothing dropped, nothing duplicated, nothing reordered.
    numbers.forEach((n, index) => expect(n).toBe(numbers[0]! + index));
  });

  it('keeps working in memory when the file cannot be written, and says so once', async () => {
    const onError = vi.fn();
    const folder = mkdtempSync(join(tmpdir(), 'bw-history-'));
    writeFileSync(join(folder, 'not-a-folder'), 'x'); // a file where the folder should be
    const log = await HistoryLog.open(join(folder, 'not-a-folder', 'ep.jsonl'), onError);
    log.append(event(1));
    log.append(event(2));
    await log.flush();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(log.recent(10)).toHaveLength(2);
    expect(await log.all()).toHaveLength(2);
  });
});

describe('historyToCsv', () => {
  it('writes a header and neutralises formula-looking cells', () => {
    const csv = historyToCsv([
      event(1, { message: '=HYPERLINK("http://evil")' }),
      event(2, { message: 'a, "quoted" b' }),
    ]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('time,type,kind,status,latency_ms,actor,message');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[2]).toContain('"a, ""quoted"" b"');
  });
});
