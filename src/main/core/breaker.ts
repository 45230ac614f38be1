/**
 * The one place that knows cockatiel. It adds what the tutorial's breaker
 * needs and cockatiel leaves out:
 * - an open-until deadline (cockatiel records none publicly);
 * - half-open announced by a timer when the recovery timeout elapses
 *   (cockatiel only moves Open → HalfOpen inside `execute()`);
 * - exactly one trial call in half-open, concurrent calls failing fast
 *   (cockatiel would make them wait for the trial's verdict);
 * - a fast-fail `BreakerOpenError` that carries the deadline.
 */
import type { CircuitBreakerPolicy } from 'cockatiel';
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type IDisposable,
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
  private openUntil: number | null = null;
  private halfOpenTimer: ReturnType<typeof setTimeout> | undefined;
  private trialInFlight = false;
  private readonly listeners = new Set<TransitionListener>();

  constructor(private readonly options: BreakerOptions) {
    this.createPolicy();
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
      openUntil: this.openUntil,
    };
  }

  /**
   * Runs `call` through the breaker.
   * @throws BreakerOpenError without calling `call` while open, or while a
   *   half-open trial is already in flight.
   * @throws whatever `call` throws, after counting it if it is expected.
   */
  async execute<T>(call: () => Promise<T>): Promise<T> {
    if (this.current === 'open') throw new BreakerOpenError(this.openUntil);
    if (this.current === 'half-open') {
      if (this.trialInFlight) throw new BreakerOpenError(null);
      this.trialInFlight = true;
      try {
        return await this.runPolicy(call);
      } finally {
        this.trialInFlight = false;
      }
    }
    return this.runPolicy(call);
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

  private createPolicy(): void {
    this.counter = new ConsecutiveBreaker(this.options.failureThreshold);
    this.policy = circuitBreaker(handleWhen(this.options.isExpectedFailure), {
      breaker: this.counter,
      halfOpenAfter: this.options.recoveryTimeoutMs,
    });
    this.policySubscriptions = [this.policy.onStateChange((state) => this.onPolicyStateChange(state))];
  }

  private onPolicyStateChange(state: CircuitState): void {
    switch (state) {
      case CircuitState.Open: {
        // cockatiel has just set its own openedAt from Date.now(); ours is the
        // same instant or a millisecond later, so our deadline is never early.
        const openedAt = Date.now();
        this.openedAt = openedAt;
        this.openUntil = openedAt + this.options.recoveryTimeoutMs;
        this.scheduleHalfOpen();
        this.moveTo('open');
        break;
      }
      case CircuitState.HalfOpen:
        // Normally already announced by our timer; this covers any gap.
        this.moveTo('half-open');
        break;
      case CircuitState.Closed:
        this.openedAt = null;
        this.openUntil = null;
        clearTimeout(this.halfOpenTimer);
        this.moveTo('closed');
        break;
      default:
        break;
    }
  }

  private scheduleHalfOpen(): void {
    clearTimeout(this.halfOpenTimer);
    const deadline = this.openUntil;
    if (deadline === null) return;
    const wait = Math.max(0, deadline - Date.now());
    this.halfOpenTimer = setTimeout(() => {
      this.halfOpenTimer = undefined;
      if (this.current !== 'open' || this.openUntil !== deadline) return;
      // Timers may fire a little early against the wall clock: wait it out,
      // so cockatiel (which compares Date.now()) agrees the time has come.
      if (Date.now() < deadline) {
        this.scheduleHalfOpen();
        return;
      }
      this.moveTo('half-open');
    }, wait);
    this.halfOpenTimer.unref?.();
  }

  private moveTo(next: BreakerState): void {
    const from = this.current;
    if (from === next) return;
    this.current = next;
    const transition: BreakerTransition = { from, to: next, snapshot: this.snapshot() };
    for (const listener of [...this.listeners]) listener(transition);
  }
}
