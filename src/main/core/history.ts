/**
 * The history of one endpoint: every call outcome, state transition and user
 * action. Recent events stay in memory for the table; all of them (up to
 * `maxEvents`) go to a JSON-lines file that is rotated when it grows past
 * that, so a restart keeps the history and disk use stays bounded. A file
 * that cannot be written never stops monitoring: the log keeps working in
 * memory and says so once.
 */
import { appendFileSync, createReadStream, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { stringify } from 'csv-stringify/sync';
import writeFileAtomic from 'write-file-atomic';
import type { HistoryEvent } from '../../shared/model';

export const MAX_HISTORY_EVENTS = 50_000;
const IN_MEMORY = 2_000;
const SEED_WINDOW_MS = 24 * 3_600_000;

export interface HistoryFilter {
  readonly types?: readonly HistoryEvent['type'][];
  readonly text?: string;
  /** More text an event matches on, e.g. its translation. */
  readonly describe?: (event: HistoryEvent) => string;
}

export class HistoryLog {
  private memory: HistoryEvent[] = [];
  private linesOnDisk = 0;
  private warned = false;
  private folderReady = false;
  private seed: HistoryEvent[] = [];
  /** The rotation in progress, if any (appends themselves are synchronous). */
  private writes: Promise<void> = Promise.resolve();
  private failed = false;
  private rotating = false;
  private pending: string[] = [];

  private constructor(
    private readonly file: string | null,
    private readonly maxEvents: number,
    private readonly onError: (message: string) => void,
  ) {}

  /** Opens (and reads back) the history file; null keeps history in memory only. */
  static async open(
    file: string | null,
    onError: (message: string) => void,
    maxEvents = MAX_HISTORY_EVENTS,
  ): Promise<HistoryLog> {
    const log = new HistoryLog(file, maxEvents, onError);
    if (!file) return log;
    try {
      const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
      log.linesOnDisk = lines.length;
      const since = Date.now() - SEED_WINDOW_MS;
      lines.forEach((line, index) => {
        let event: HistoryEvent;
        try {
          event = JSON.parse(line) as HistoryEvent;
        } catch {
          return; // A torn last line (crash mid-append) is skipped, the rest kept.
        }
        if (index >= lines.length - IN_MEMORY) log.memory.push(event);
        if (event.type === 'call' && event.at >= since) log.seed.push(event);
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        log.warnOnce(`History ${file} unreadable (${(error as Error).message}); keeping history in memory`);
      }
    }
    return log;
  }

  /** Calls of the last 24 h read at open, once (to rebuild metrics after a restart). */
  takeSeed(): HistoryEvent[] {
    const seed = this.seed;
    this.seed = [];
    return seed;
  }

  append(event: HistoryEvent): void {
    this.memory.push(event);
    if (this.memory.length > IN_MEMORY * 1.25) this.memory = this.memory.slice(-IN_MEMORY);
    if (!this.file || this.failed) return;
    const line = `${JSON.stringify(event)}\n`;
    if (this.rotating) this.pending.push(line);
    else this.write(this.file, line, 1);
  }

  /**
   * Appends synchronously: one short line costs ~6 µs this way, against
   * ~100 µs of CPU for an async append (open, write and close each cross to
   * the thread pool), and with 100 endpoints checked every second that is
   * most of the core's budget. The logger appends the same way.
   */
  private write(file: string, text: string, lines: number): void {
    try {
      if (!this.folderReady) {
        mkdirSync(dirname(file), { recursive: true });
        this.folderReady = true;
      }
      appendFileSync(file, text);
      this.linesOnDisk += lines;
    } catch (error) {
      this.fail(file, error);
      return;
    }
    if (this.linesOnDisk > this.maxEvents * 1.1) this.startRotation(file);
  }

  private fail(file: string, error: unknown): void {
    this.failed = true;
    this.pending = [];
    this.warnOnce(
      `History file ${file} cannot be written (${(error as Error).message}); keeping history in memory`,
    );
  }

  /** Newest first, filtered, at most `limit`. */
  recent(limit: number, filter: HistoryFilter = {}): HistoryEvent[] {
    const text = filter.text?.toLowerCase() ?? '';
    const result: HistoryEvent[] = [];
    for (let i = this.memory.length - 1; i >= 0 && result.length < limit; i -= 1) {
      const event = this.memory[i]!;
      if (filter.types && !filter.types.includes(event.type)) continue;
      if (text) {
        const extra = filter.describe ? ` ${filter.describe(event)}` : '';
        if (!`${event.kind} ${event.message} ${event.status ?? ''}${extra}`.toLowerCase().includes(text))
          continue;
      }
      result.push(event);
    }
    return result;
  }

  /** Every stored event, oldest first (from the file when there is one). */
  async all(): Promise<HistoryEvent[]> {
    await this.flush();
    if (!this.file || this.failed) return [...this.memory];
    const events: HistoryEvent[] = [];
    try {
      const lines = createInterface({ input: createReadStream(this.file, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        try {
          events.push(JSON.parse(line) as HistoryEvent);
        } catch {
          // skip a torn line
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return events;
  }

  /** Waits for pending writes (tests, shutdown). */
  async flush(): Promise<void> {
    // A rotation's leftover lines may start another rotation: wait for the last.
    let current: Promise<void>;
    do {
      current = this.writes;
      await current;
    } while (current !== this.writes);
  }

  private warnOnce(message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.onError(message);
  }

  /** Rewrites the file to the newest `maxEvents`; lines appended meanwhile wait in `pending`. */
  private startRotation(file: string): void {
    this.rotating = true;
    this.writes = this.rotate(file)
      .catch((error: unknown) => this.fail(file, error))
      .finally(() => {
        this.rotating = false;
        const waiting = this.pending;
        this.pending = [];
        if (waiting.length > 0 && !this.failed) this.write(file, waiting.join(''), waiting.length);
      });
  }

  private async rotate(file: string): Promise<void> {
    const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
    const waiting = this.pending.map((line) => line.slice(0, -1));
    this.pending = [];
    const kept = [...lines, ...waiting].slice(-this.maxEvents);
    await writeFileAtomic(file, `${kept.join('\n')}\n`);
    this.linesOnDisk = kept.length;
  }
}

export const HISTORY_COLUMNS = ['time', 'type', 'kind', 'status', 'latency_ms', 'actor', 'message'] as const;

/** A cell a spreadsheet would run as a formula is prefixed with ' (messages come from servers). */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function historyToCsv(events: readonly HistoryEvent[]): string {
  return stringify(
    events.map((e) => [
      new Date(e.at).toISOString(),
      e.type,
      e.kind,
      e.status ?? '',
      e.latencyMs ?? '',
      e.actor,
      e.message,
    ]),
    { header: true, columns: [...HISTORY_COLUMNS], cast: { string: neutraliseFormula } },
  );
}
