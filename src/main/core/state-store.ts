/**
 * What each endpoint's monitor must find again after a restart: its breaker
 * (an open breaker stays open until its openUntil) and its last good
 * response (shown at start, marked with its age). One JSON file, written
 * atomically and at most every `delayMs`, so a flapping endpoint cannot
 * turn into a write storm.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import writeFileAtomic from 'write-file-atomic';
import type { ResultInfo } from '../../shared/model';
import type { PersistedBreaker } from './breaker';
import { parseUntrustedJson } from '../settings/safe-json';

export interface PersistedMonitor {
  readonly breaker: PersistedBreaker;
  readonly lastGood: ResultInfo | null;
}

const time = z.number().finite().nonnegative();
const persistedSchema = z.record(
  z.string().max(64),
  z.object({
    breaker: z.object({
      state: z.enum(['closed', 'open', 'half-open', 'held-open']),
      consecutiveFailures: z.number().int().min(0).max(1_000_000),
      openedAt: time.nullable(),
      openUntil: time.nullable(),
      attempt: z.number().int().min(0).max(1_000_000),
    }),
    lastGood: z
      .object({
        status: z.number().int(),
        body: z.string().max(1024 * 1024),
        truncated: z.boolean(),
        bytes: z.number().nonnegative(),
        receivedAt: time,
        latencyMs: z.number().nonnegative(),
        restored: z.boolean().optional(),
      })
      .nullable(),
  }),
);

export class StateStore {
  private entries = new Map<string, PersistedMonitor>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string | null,
    private readonly delayMs: number,
    private readonly onError: (message: string) => void,
  ) {}

  static async open(
    file: string | null,
    onError: (message: string) => void,
    delayMs = 250,
  ): Promise<StateStore> {
    const store = new StateStore(file, delayMs, onError);
    if (!file) return store;
    try {
      const parsed = persistedSchema.safeParse(
        parseUntrustedJson(await readFile(file, 'utf8'), 64 * 1024 * 1024),
      );
      if (parsed.success)
        store.entries = new Map(Object.entries(parsed.data) as [string, PersistedMonitor][]);
      else onError(`Saved monitor state ${file} is not valid; starting fresh`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        onError(`Saved monitor state ${file} unreadable (${(error as Error).message}); starting fresh`);
      }
    }
    return store;
  }

  get(id: string): PersistedMonitor | null {
    return this.entries.get(id) ?? null;
  }

  set(id: string, value: PersistedMonitor): void {
    this.entries.set(id, value);
    this.schedule();
  }

  delete(id: string): void {
    if (this.entries.delete(id)) this.schedule();
  }

  /** Writes now if a write is pending. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.write();
    }
    await this.writing;
  }

  private schedule(): void {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, this.delayMs);
  }

  private write(): void {
    const file = this.file;
    if (!file) return;
    const text = JSON.stringify(Object.fromEntries(this.entries));
    this.writing = this.writing
      .then(() => writeFileAtomic(file, text))
      .catch((error: unknown) =>
        this.onError(`Cannot save monitor state to ${file}: ${(error as Error).message}`),
      );
  }
}
