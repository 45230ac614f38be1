/**
 * The one place that knows cockatiel. It adds what the tutorial's breaker
 * needs and cockatiel leaves out:
 * - an open-until deadline (cockatiel records none publicly);
 * - half-open announced by a timer when the recovery time elapses
 *   (cockatiel only moves Open → HalfOpen inside `execute()`);
 * - exactly one trial call in half-open, concurrent calls failing fast
 *   (cockatiel would make them wait for the trial's verdict);
 * - manual control: hold open (isolate), release, reset, probe early;
 * - recovery time from a backoff that honours Retry-After and can grow
 *   after failed trials (cockatiel's `halfOpenAfter` backoff factory);
 * - a persistable state, restored into cockatiel's `initialState`.
 */
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IDisposable,
  type IHalfOpenAfterBackoffContext,
} from 'cockatiel';
import type { BreakerSnapshot, BreakerState } from '../../shared/model';
import { BreakerOpenError } from './errors';

export interface BreakerOptions {
  /** Consecutive expected failures that open the breaker (tutorial: 2). */
  readonly failureThreshold: number;
  /** How long the breaker stays open before half-open, in ms (tutorial: 10 000). */
  readonly recoveryTimeoutMs: number;
  /** Which errors count toward the threshold; others pass through uncounted. */
  readonly isExpectedFailure: (error: unknown) => boolean;
  /** A server-requested wait (Retry-After) carried by an error, in ms; null if none. */
  readonly retryAfterMs?: (error: unknown) => number | null;
  /** Doubles the recovery time after each failed trial, up to this many ms. */
  readonly backoffMaxMs?: number | null;
  /** State saved by `toPersisted()` before a restart. */
  readonly restore?: PersistedBreaker | null;
}

/** What survives a restart. Times are wall-clock ms. */
export interface PersistedBreaker {
  readonly state: BreakerState;
  readonly consecutiveFailures: number;
  readonly openedAt: number | null;
  readonly openUntil: number | null;
  /** How many times in a row the breaker has opened (drives backoff). */
  readonly attempt: number;
}

export interface BreakerTransition {
  readonly from: BreakerState;
  readonly to: BreakerState;
  readonly snapshot: BreakerSnapshot;
}

type TransitionListener = (transition: BreakerTransition) => void;

export class Breaker {
  private policy!: CircuitBreakerPolicy;
  private counter!: ConsecutiveBreaker;
  private policySubscriptions: IDisposable[] = [];
  private current: BreakerState = 'closed';
  private openedAt: number | null = null;
  /** Wall-clock deadline, for display once half-open; while open it is derived from the monotonic one. */
  private openUntil: number | null = null;
  /**
   * The deadline that decides, on the monotonic clock (performance.now()):
   * a wall-clock jump neither shortens nor stretches the recovery time.
   */
  private openUntilMono: number | null = null;
  private attempt = 0;
  private nextDurationMs: number;
  private halfOpenTimer: ReturnType<typeof setTimeout> | undefined;
  private trialInFlight = false;
  private hold: { dispose(): void } | null = null;
  private readonly listeners = new Set<TransitionListener>();

  constructor(private readonly options: BreakerOptions) {
    this.nextDurationMs = options.recoveryTimeoutMs;
    this.restore(options.restore ?? null);
  }

  /** The breaker's state as the user should see it now. */
  get state(): BreakerState {
    return this.current;
  }

  /** An immutable picture of the breaker, for snapshots and logs. */
  snapshot(): BreakerSnapshot {
    return {
      state: this.current,
      consecutiveFailures: this.counter.state,
      failureThreshold: this.options.failureThreshold,
      recoveryTimeoutMs: this.options.recoveryTimeoutMs,
      openedAt: this.openedAt,
      openUntil: this.displayedOpenUntil(),
    };
  }

  toPersisted(): PersistedBreaker {
    const { state, consecutiveFailures, openedAt, openUntil } = this.snapshot();
    return { state, consecutiveFailures, openedAt, openUntil, attempt: this.attempt };
  }

  /**
   * Runs `call` through the breaker.
   * @throws BreakerOpenError without calling `call` while open or held open,
   *   or while a half-open trial is already in flight.
   * @throws whatever `call` throws, after counting it if it is expected.
   */
  async execute<T>(call: () => Promise<T>): Promise<T> {
    if (this.current === 'open' || this.current === 'held-open') {
      throw fastFail(this.displayedOpenUntil(), this.current === 'held-open');
    }
    if (this.current === 'half-open') {
      if (this.trialInFlight) throw fastFail(null, false);
      this.trialInFlight = true;
      try {
        return await this.runPolicy(call);
      } finally {
        this.trialInFlight = false;
      }
    }
    return this.runPolicy(call);
  }

  /** Holds the breaker open until `release()`, whatever the checks say. */
  holdOpen(): void {
    this.hold ??= this.policy.isolate();
  }

  release(): void {
    this.hold?.dispose();
    this.hold = null;
  }

  /** Closes the breaker and clears its count, whatever its state. */
  reset(): void {
    this.hold = null;
    this.attempt = 0;
    this.restore(null);
  }

  /** Open → half-open now, before the countdown ends. Returns false if not open. */
  probeNow(): boolean {
    if (this.current !== 'open') return false;
    this.restore({ ...this.toPersisted(), state: 'half-open' });
    return true;
  }

  /**
   * The machine slept for `sleptMs` (the monotonic clock stood still): that
   * time counts toward the recovery timeout, as the user would expect.
   */
  resumeFromSleep(sleptMs: number): void {
    if (this.current !== 'open' || this.openUntilMono === null || sleptMs <= 0) return;
    this.openUntilMono -= sleptMs;
    this.scheduleHalfOpen();
  }

  /** Subscribes to state transitions; returns the unsubscribe function. */
  onTransition(listener: TransitionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the half-open timer and drops listeners. */
  dispose(): void {
    clearTimeout(this.halfOpenTimer);
    this.halfOpenTimer = undefined;
    this.policySubscriptions.forEach((subscription) => subscription.dispose());
    this.policySubscriptions = [];
    this.listeners.clear();
  }

  /** The wall-clock deadline to show: derived from the monotonic one while open. */
  private displayedOpenUntil(): number | null {
    if (this.current !== 'open' || this.openUntilMono === null) return this.openUntil;
    const derived = Date.now() + Math.max(0, this.openUntilMono - performance.now());
    // Same clocks (only ms of drift): keep the value already shown, so it is
    // stable across snapshots and restarts. A jump or a sleep moves it.
    if (this.openUntil === null || Math.abs(derived - this.openUntil) >= 1000)
      this.openUntil = Math.round(derived);
    return this.openUntil;
  }

  private async runPolicy<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await this.policy.execute(call);
    } catch (error) {
      // Only if cockatiel's clock disagrees with ours (a wall-clock jump):
      // still a fast fail, reported in our own terms.
      if (error instanceof BrokenCircuitError) throw new BreakerOpenError(this.openUntil);
      throw error;
    }
  }

  /** Recovery time before the `attempt`-th consecutive half-open, without Retry-After. */
  private baseDurationMs(attempt: number): number {
    const base = this.options.recoveryTimeoutMs;
    const max = this.options.backoffMaxMs;
    if (!max) return base;
    return Math.min(base * 2 ** Math.max(0, attempt - 1), Math.max(max, base));
  }

  /** cockatiel's `halfOpenAfter` backoff: called as the breaker opens. */
  private nextBackoff(context: IHalfOpenAfterBackoffContext): IBackoff<IHalfOpenAfterBackoffContext> {
    const error = 'error' in context.result ? context.result.error : undefined;
    const requested = error === undefined ? null : (this.options.retryAfterMs?.(error) ?? null);
    const duration = Math.max(this.baseDurationMs(context.attempt), requested ?? 0);
    this.attempt = context.attempt;
    this.nextDurationMs = duration;
    return { duration, next: (next) => this.nextBackoff(next) };
  }

  /** (Re)creates the cockatiel policy, optionally from a persisted state. */
  private restore(saved: PersistedBreaker | null): void {
    this.policySubscriptions.forEach((subscription) => subscription.dispose());
    clearTimeout(this.halfOpenTimer);
    const now = Date.now();
    const count = saved?.consecutiveFailures ?? 0;
    const attempt = Math.max(1, saved?.attempt ?? 1);
    let initialState: unknown;
    let next: BreakerState = 'closed';
    this.openedAt = null;
    this.openUntil = null;
    this.openUntilMono = null;

    if (saved && saved.state === 'open' && saved.openUntil !== null && saved.openUntil > now) {
      // cockatiel half-opens when now - openedAt >= duration: place its
      // openedAt so that moment is exactly our saved openUntil.
      const openedAt = saved.openUntil - this.baseDurationMs(attempt);
      initialState = {
        ownState: { value: CircuitState.Open, openedAt, attemptNo: attempt },
        breakerState: count,
      };
      this.openedAt = saved.openedAt;
      this.openUntil = saved.openUntil;
      this.openUntilMono = performance.now() + (saved.openUntil - now);
      next = 'open';
    } else if (saved && (saved.state === 'open' || saved.state === 'half-open')) {
      // Due (or forced): an Open state with openedAt 0 admits the trial at once.
      initialState = {
        ownState: { value: CircuitState.Open, openedAt: 0, attemptNo: attempt },
        breakerState: count,
      };
      this.openedAt = saved.openedAt;
      this.openUntil = saved.openUntil !== null ? Math.min(saved.openUntil, now) : now;
      next = 'half-open';
    } else if (saved) {
      initialState = { ownState: { value: CircuitState.Closed }, breakerState: count };
    }

    this.counter = new ConsecutiveBreaker(this.options.failureThreshold);
    this.policy = circuitBreaker(handleWhen(this.options.isExpectedFailure), {
      breaker: this.counter,
      halfOpenAfter: { next: (context) => this.nextBackoff(context) },
      ...(initialState ? { initialState } : {}),
    });
    if (saved) this.attempt = saved.attempt;
    this.policySubscriptions = [this.policy.onStateChange((state) => this.onPolicyStateChange(state))];
    this.moveTo(next);
    if (next === 'open') this.scheduleHalfOpen();
    if (saved?.state === 'held-open') this.holdOpen();
  }

  private onPolicyStateChange(state: CircuitState): void {
    switch (state) {
      case CircuitState.Open: {
        // cockatiel has just called our backoff and set its own openedAt from
        // Date.now(); ours is the same instant or a millisecond later.
        const openedAt = Date.now();
        this.openedAt = openedAt;
        this.openUntil = openedAt + this.nextDurationMs;
        this.openUntilMono = performance.now() + this.nextDurationMs;
        this.scheduleHalfOpen();
        this.moveTo('open');
        break;
      }
      case CircuitState.HalfOpen:
        this.moveTo('half-open'); // normally already announced by our timer
        break;
      case CircuitState.Isolated:
        clearTimeout(this.halfOpenTimer);
        this.openedAt = Date.now();
        this.openUntil = null;
        this.openUntilMono = null;
        this.moveTo('held-open');
        break;
      case CircuitState.Closed:
        this.openedAt = null;
        this.openUntil = null;
        this.openUntilMono = null;
        this.attempt = 0;
        clearTimeout(this.halfOpenTimer);
        this.moveTo('closed');
        break;
    }
  }

  private scheduleHalfOpen(): void {
    clearTimeout(this.halfOpenTimer);
    const deadline = this.openUntilMono;
    if (deadline === null) return;
    this.halfOpenTimer = setTimeout(
      () => {
        this.halfOpenTimer = undefined;
        if (this.current !== 'open' || this.openUntilMono !== deadline) return;
        if (performance.now() < deadline) return this.scheduleHalfOpen(); // a timer a little early
        // Rebuild cockatiel as due (openedAt 0), so it admits the trial
        // whatever the wall clock says now.
        this.restore({ ...this.toPersisted(), openUntil: Date.now(), state: 'half-open' });
      },
      Math.max(0, deadline - performance.now()),
    );
  }

  private moveTo(next: BreakerState): void {
    const from = this.current;
    if (from === next) return;
    this.current = next;
    const transition: BreakerTransition = { from, to: next, snapshot: this.snapshot() };
    for (const listener of [...this.listeners]) listener(transition);
  }
}

/**
 * A fast-fail error without a stack trace: it is expected control flow, its
 * stack says nothing, and capturing one was most of the cost of a rejection.
 */
function fastFail(openUntil: number | null, held: boolean): BreakerOpenError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new BreakerOpenError(openUntil, held);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
