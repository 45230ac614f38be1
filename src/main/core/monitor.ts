/**
 * One monitor watches one target through its own breaker. It checks once on
 * start, on every retry and every `intervalMs` (0 = manual only); a retry
 * while a check is in flight joins that check. After every change it
 * publishes a new immutable snapshot to its subscribers.
 */
import type { FailureCategory, MonitorSnapshot, Target } from '../../shared/model';
import { Breaker, type BreakerTransition } from './breaker';
import { RequestFailedError, formatBytes } from './errors';
import type { HttpClient } from './http-client';
import type { Logger } from './logger';
import { describeError, presentBody } from './outcome';

export interface MonitorOptions {
  readonly target: Target;
  readonly client: HttpClient;
  readonly failureThreshold: number;
  readonly recoveryTimeoutMs: number;
  /** Scheduled check interval; 0 = manual checks only. */
  readonly intervalMs: number;
  /** Failure groups that count toward the breaker. */
  readonly countedCategories: ReadonlySet<FailureCategory>;
  readonly logger: Logger;
  /** Longest pretty-printed body kept for display, in characters. */
  readonly displayLimitChars?: number;
}

/** Who asked for a check; logged with its outcome. */
export type CheckTrigger = 'launch' | 'user' | 'schedule' | 'recovery';

type SnapshotListener = (snapshot: MonitorSnapshot) => void;

const DEFAULT_DISPLAY_LIMIT = 256 * 1024;

export class Monitor {
  private readonly breaker: Breaker;
  private current: MonitorSnapshot;
  private inFlight: Promise<MonitorSnapshot> | null = null;
  private readonly abort = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private readonly listeners = new Set<SnapshotListener>();

  constructor(private readonly options: MonitorOptions) {
    const counted = options.countedCategories;
    this.breaker = new Breaker({
      failureThreshold: options.failureThreshold,
      recoveryTimeoutMs: options.recoveryTimeoutMs,
      isExpectedFailure: (error) => error instanceof RequestFailedError && counted.has(error.category),
    });
    this.breaker.onTransition((transition) => this.onTransition(transition));
    this.current = {
      seq: 0,
      target: options.target,
      breaker: this.breaker.snapshot(),
      inFlight: false,
      lastResult: null,
      lastError: null,
      lastCheckAt: null,
      intervalMs: options.intervalMs,
      nextCheckAt: null,
    };
  }

  get snapshot(): MonitorSnapshot {
    return this.current;
  }

  /** Subscribes to snapshots; returns the unsubscribe function. */
  subscribe(listener: SnapshotListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The launch check; it also starts the schedule. */
  start(): void {
    void this.check('launch');
  }

  /** Checks now, or joins the check in flight. Never rejects. */
  check(trigger: CheckTrigger): Promise<MonitorSnapshot> {
    if (this.stopped) return Promise.resolve(this.current);
    this.inFlight ??= this.runCheck(trigger).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Cancels the schedule and any request in flight; publishes nothing more. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    this.breaker.dispose();
    this.listeners.clear();
  }

  private async runCheck(trigger: CheckTrigger): Promise<MonitorSnapshot> {
    clearTimeout(this.timer);
    this.publish({ inFlight: true, nextCheckAt: null });
    const { target, client, logger } = this.options;
    const started = performance.now();
    try {
      const response = await this.breaker.execute(() => client.getJson(target.url, this.abort.signal));
      const receivedAt = Date.now();
      const latencyMs = Math.round(response.latencyMs);
      const { body, truncated } = presentBody(
        response.data,
        this.options.displayLimitChars ?? DEFAULT_DISPLAY_LIMIT,
      );
      logger.info(
        `[${target.name}] ${trigger} check OK: GET ${target.url} -> ${response.status} in ${latencyMs} ms (${formatBytes(response.bytes)})`,
      );
      return this.finish({
        lastResult: {
          status: response.status,
          body,
          truncated,
          bytes: response.bytes,
          receivedAt,
          latencyMs,
        },
        lastError: null,
        lastCheckAt: receivedAt,
      });
    } catch (error) {
      const at = Date.now();
      const info = describeError(error, at, (category) => this.options.countedCategories.has(category));
      if (this.stopped) return this.current;
      if (info.kind === 'breaker-open') {
        logger.warn(`[${target.name}] ${trigger} check rejected: circuit breaker open, no request sent`);
      } else if (info.kind === 'request-failed') {
        const counting = info.counted
          ? `counts toward the breaker (${this.breaker.snapshot().consecutiveFailures}/${this.options.failureThreshold})`
          : 'not counted';
        logger.warn(
          `[${target.name}] ${trigger} check failed: GET ${target.url} -> ${info.detail} after ${Math.round(performance.now() - started)} ms; ${counting}`,
        );
      } else {
        logger.error(`[${target.name}] ${trigger} check failed unexpectedly: ${info.detail}`);
      }
      return this.finish({ lastError: info, lastCheckAt: at });
    }
  }

  private finish(changes: Partial<MonitorSnapshot>): MonitorSnapshot {
    let nextCheckAt: number | null = null;
    const interval = this.options.intervalMs;
    if (interval > 0 && !this.stopped) {
      nextCheckAt = Date.now() + interval;
      this.timer = setTimeout(() => void this.check('schedule'), interval);
    }
    return this.publish({ ...changes, inFlight: false, nextCheckAt });
  }

  private onTransition({ from, to, snapshot }: BreakerTransition): void {
    const { target, logger } = this.options;
    if (to === 'open') {
      const until = new Date(snapshot.openUntil ?? Date.now()).toLocaleTimeString('en-GB');
      const why =
        from === 'half-open'
          ? 'the trial request failed'
          : `${snapshot.consecutiveFailures} consecutive failures`;
      logger.warn(`[${target.name}] circuit breaker ${from} -> open: ${why}; half-open at ${until}`);
    } else if (to === 'half-open') {
      logger.info(`[${target.name}] circuit breaker open -> half-open: the next request is a trial`);
    } else {
      logger.info(`[${target.name}] circuit breaker ${from} -> closed: the trial request succeeded`);
    }
    this.publish({});
    // With a schedule, try the trial as soon as it is allowed.
    if (to === 'half-open' && this.options.intervalMs > 0 && !this.inFlight) void this.check('recovery');
  }

  private publish(changes: Partial<MonitorSnapshot>): MonitorSnapshot {
    if (this.stopped) return this.current;
    this.current = Object.freeze({
      ...this.current,
      ...changes,
      breaker: this.breaker.snapshot(),
      seq: this.current.seq + 1,
    });
    const snapshot = this.current;
    for (const listener of [...this.listeners]) listener(snapshot);
    return snapshot;
  }
}
