/**
 * One monitor watches one endpoint through its own breaker. It checks once on
 * start, on every retry and every `intervalMs` (0 = manual only); a retry
 * while a check is in flight joins that check. Every outcome feeds the
 * metrics and the history; after every change it publishes a new immutable
 * snapshot and saves what must survive a restart.
 */
import type {
  CallOutcome,
  FailureCategory,
  HistoryEvent,
  HistoryText,
  MonitorSnapshot,
  Target,
} from '../../shared/model';
import { Breaker, type BreakerTransition } from './breaker';
import { BreakerOpenError, HttpStatusError, RequestFailedError, formatBytes } from './errors';
import type { HistoryLog } from './history';
import type { HttpClient, RequestInit } from './http-client';
import type { Logger } from './logger';
import { RollingMetrics } from './metrics';
import { describeError, presentBody } from './outcome';
import type { PersistedMonitor } from './state-store';

export interface MonitorOptions {
  readonly target: Target;
  readonly client: HttpClient;
  readonly request?: RequestInit;
  readonly failureThreshold: number;
  readonly recoveryTimeoutMs: number;
  /** Scheduled check interval; 0 = manual checks only. */
  readonly intervalMs: number;
  /** Failure groups that count toward the breaker. */
  readonly countedCategories: ReadonlySet<FailureCategory>;
  readonly logger: Logger;
  /** Keep the breaker open for a longer Retry-After (429/503). */
  readonly respectRetryAfter?: boolean;
  /** Double the recovery time after failed trials, up to this; null = off. */
  readonly backoffMaxMs?: number | null;
  readonly paused?: boolean;
  readonly history?: HistoryLog | null;
  /** State saved before a restart, and where to save it. */
  readonly restored?: PersistedMonitor | null;
  readonly save?: (state: PersistedMonitor) => void;
  /** Longest pretty-printed body kept for display, in characters. */
  readonly displayLimitChars?: number;
}

/** Who asked for a check; logged with its outcome. */
export type CheckTrigger = 'launch' | 'user' | 'probe' | 'schedule' | 'recovery';
export type UserAction = 'probe' | 'reset' | 'hold' | 'release' | 'pause' | 'resume';

type SnapshotListener = (snapshot: MonitorSnapshot) => void;

const DEFAULT_DISPLAY_LIMIT = 256 * 1024;
const ACTOR: Record<CheckTrigger, HistoryEvent['actor']> = {
  launch: 'system',
  user: 'user',
  probe: 'user',
  schedule: 'schedule',
  recovery: 'system',
};

export class Monitor {
  private readonly breaker: Breaker;
  private readonly metrics = new RollingMetrics();
  private current: MonitorSnapshot;
  private inFlight: Promise<MonitorSnapshot> | null = null;
  private readonly abort = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private paused: boolean;
  private readonly listeners = new Set<SnapshotListener>();

  constructor(private readonly options: MonitorOptions) {
    const counted = options.countedCategories;
    this.paused = options.paused ?? false;
    this.breaker = new Breaker({
      failureThreshold: options.failureThreshold,
      recoveryTimeoutMs: options.recoveryTimeoutMs,
      isExpectedFailure: (error) => error instanceof RequestFailedError && counted.has(error.category),
      retryAfterMs: (error) =>
        options.respectRetryAfter !== false && error instanceof HttpStatusError ? error.retryAfterMs : null,
      backoffMaxMs: options.backoffMaxMs ?? null,
      restore: options.restored?.breaker ?? null,
    });
    this.breaker.onTransition((transition) => this.onTransition(transition));
    const seed = options.history?.takeSeed() ?? [];
    for (const { at, kind, category, status, latencyMs, message } of seed) {
      if (kind === 'success' || kind === 'failure' || kind === 'short-circuit') {
        this.metrics.record({ at, kind, category: category ?? null, status, latencyMs, message });
      }
    }
    const lastGood = options.restored?.lastGood;
    this.current = {
      seq: 0,
      target: options.target,
      breaker: this.breaker.snapshot(),
      inFlight: false,
      paused: this.paused,
      lastResult: lastGood ? { ...lastGood, restored: true } : null,
      lastError: null,
      lastCheckAt: seed.at(-1)?.at ?? null,
      intervalMs: options.intervalMs,
      nextCheckAt: null,
      metrics: this.metrics.summary(Date.now()),
      heartbeat: [],
    };
  }

  get snapshot(): MonitorSnapshot {
    return this.current;
  }

  get history(): HistoryLog | null {
    return this.options.history ?? null;
  }

  /** Subscribes to snapshots; returns the unsubscribe function. */
  subscribe(listener: SnapshotListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The launch check (skipped while a restored breaker is still open); starts the schedule. */
  start(): void {
    const state = this.breaker.state;
    if (state === 'open' || state === 'held-open') this.finish({});
    else void this.check('launch');
  }

  /** Checks now, or joins the check in flight. Never rejects. */
  check(trigger: CheckTrigger): Promise<MonitorSnapshot> {
    if (this.stopped) return Promise.resolve(this.current);
    this.inFlight ??= this.runCheck(trigger).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** A manual control; every one is logged as the user's. */
  async control(action: UserAction): Promise<MonitorSnapshot> {
    const { target, logger } = this.options;
    const record = (message: string) => {
      logger.info(`[${target.name}] ${message} by the user`);
      this.options.history?.append({
        at: Date.now(),
        type: 'action',
        kind: action,
        status: null,
        latencyMs: null,
        message: `${message} by the user`,
        text: { key: action },
        actor: 'user',
      });
    };
    switch (action) {
      case 'probe':
        if (!this.breaker.probeNow()) return this.current;
        record('Probe (early half-open trial) requested');
        return this.check('probe');
      case 'reset':
        record('Breaker reset');
        this.breaker.reset();
        return this.publish({ lastError: null });
      case 'hold':
        record('Breaker held open');
        this.breaker.holdOpen();
        return this.current;
      case 'release':
        record('Breaker released');
        this.breaker.release();
        return this.current;
      case 'pause':
        record('Checks paused');
        this.paused = true;
        clearTimeout(this.timer);
        return this.publish({ paused: true, nextCheckAt: null });
      case 'resume':
        record('Checks resumed');
        this.paused = false;
        this.publish({ paused: false });
        return this.check('user');
    }
  }

  /** Re-publishes (after a wall-clock jump the displayed deadlines are recomputed). */
  refresh(): MonitorSnapshot {
    return this.publish({});
  }

  /** The machine slept: that time counts toward the recovery timeout. */
  resumeFromSleep(sleptMs: number): void {
    this.breaker.resumeFromSleep(sleptMs);
    this.publish({});
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
    const { target, client, logger, request } = this.options;
    const started = performance.now();
    try {
      const response = await this.breaker.execute(() =>
        client.getJson(target.url, this.abort.signal, request),
      );
      const receivedAt = Date.now();
      const latencyMs = Math.round(response.latencyMs);
      const { body, truncated } = presentBody(
        response.data,
        this.options.displayLimitChars ?? DEFAULT_DISPLAY_LIMIT,
      );
      const message = `${target.method ?? 'GET'} ${target.url} -> ${response.status} in ${latencyMs} ms (${formatBytes(response.bytes)})`;
      logger.info(`[${target.name}] ${trigger} check OK: ${message}`);
      this.recordCall(trigger, {
        at: receivedAt,
        kind: 'success',
        category: null,
        status: response.status,
        latencyMs,
        message: `HTTP ${response.status}`,
      });
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
      if (this.stopped) return this.current;
      const at = Date.now();
      const elapsed = Math.round(performance.now() - started);
      const info = describeError(error, at, (category) => this.options.countedCategories.has(category));
      if (info.kind === 'breaker-open') {
        logger.warn(`[${target.name}] ${trigger} check rejected: ${info.detail}`);
      } else {
        const counting = info.counted
          ? `counts toward the breaker (${this.breaker.snapshot().consecutiveFailures}/${this.options.failureThreshold})`
          : 'not counted';
        const line = `[${target.name}] ${trigger} check failed: ${target.url} -> ${info.detail} after ${elapsed} ms; ${counting}`;
        if (info.kind === 'unexpected') logger.error(line);
        else logger.warn(line);
      }
      this.recordCall(
        trigger,
        {
          at,
          kind: info.kind === 'breaker-open' ? 'short-circuit' : 'failure',
          category: info.category,
          status: info.status,
          latencyMs: info.kind === 'breaker-open' ? null : elapsed,
          message: info.detail,
        },
        // A request failure's detail is the server's or the socket's own words: kept as is.
        error instanceof BreakerOpenError
          ? { key: error.held ? 'short-circuit-held' : 'short-circuit' }
          : undefined,
      );
      return this.finish({ lastError: info, lastCheckAt: at });
    }
  }

  private recordCall(trigger: CheckTrigger, outcome: CallOutcome, text?: HistoryText): void {
    this.metrics.record(outcome);
    const { at, kind, category, status, latencyMs, message } = outcome;
    this.options.history?.append({
      at,
      type: 'call',
      kind,
      category,
      status,
      latencyMs,
      message,
      ...(text ? { text } : {}),
      actor: ACTOR[trigger],
    });
  }

  private finish(changes: Partial<MonitorSnapshot>): MonitorSnapshot {
    let nextCheckAt: number | null = null;
    const interval = this.options.intervalMs;
    if (interval > 0 && !this.stopped && !this.paused) {
      nextCheckAt = Date.now() + interval;
      this.timer = setTimeout(() => void this.check('schedule'), interval);
    }
    const snapshot = this.publish({ ...changes, inFlight: false, nextCheckAt });
    this.save();
    return snapshot;
  }

  private onTransition({ from, to, snapshot }: BreakerTransition): void {
    const { target, logger } = this.options;
    let message: string;
    let text: HistoryText;
    if (to === 'open') {
      const at = snapshot.openUntil ?? Date.now();
      const until = new Date(at).toLocaleTimeString('en-GB');
      const failures = snapshot.consecutiveFailures;
      const why = from === 'half-open' ? 'the trial request failed' : `${failures} consecutive failures`;
      message = `circuit breaker ${from} -> open: ${why}; half-open at ${until}`;
      text =
        from === 'half-open'
          ? { key: 'opened-trial', params: { at } }
          : { key: 'opened-failures', params: { from, failures, at } };
      logger.warn(`[${target.name}] ${message}`);
    } else {
      const closedBy = from === 'half-open' ? 'closed-trial' : 'closed-user';
      const [why, key] = {
        'half-open': ['the next request is a trial', 'half-open'] as const,
        closed: [from === 'half-open' ? 'the trial request succeeded' : 'by the user', closedBy] as const,
        'held-open': ['held open by the user', 'held-open'] as const,
      }[to];
      message = `circuit breaker ${from} -> ${to}: ${why}`;
      text = { key, params: { from } };
      logger.info(`[${target.name}] ${message}`);
    }
    this.options.history?.append({
      at: Date.now(),
      type: 'transition',
      kind: to,
      status: null,
      latencyMs: null,
      message,
      text,
      actor: 'system',
    });
    this.publish({});
    this.save();
    // With a schedule, try the trial as soon as it is allowed.
    if (to === 'half-open' && this.options.intervalMs > 0 && !this.paused && !this.inFlight)
      void this.check('recovery');
  }

  private save(): void {
    const lastGood = this.current.lastResult;
    this.options.save?.({
      breaker: this.breaker.toPersisted(),
      lastGood: lastGood ? { ...lastGood, restored: false } : null,
    });
  }

  private publish(changes: Partial<MonitorSnapshot>): MonitorSnapshot {
    if (this.stopped) return this.current;
    this.current = Object.freeze({
      ...this.current,
      ...changes,
      breaker: this.breaker.snapshot(),
      metrics: this.metrics.summary(Date.now()),
      heartbeat: this.metrics.heartbeat(),
      seq: this.current.seq + 1,
    });
    const snapshot = this.current;
    for (const listener of [...this.listeners]) listener(snapshot);
    return snapshot;
  }
}
