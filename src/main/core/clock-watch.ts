/**
 * Watches the wall clock against the monotonic one. A wall-clock jump (NTP,
 * a user changing the time) is reported so displayed deadlines can be
 * re-published; a sleep is measured between `suspend()` and `resume()` as
 * the wall time that passed while the monotonic clock stood still.
 */

export interface Clocks {
  wall(): number;
  mono(): number;
}

const realClocks: Clocks = { wall: () => Date.now(), mono: () => performance.now() };

export class ClockWatch {
  private offset: number;
  private suspendedAt: { wall: number; mono: number } | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly onJump: (jumpMs: number) => void,
    private readonly clocks: Clocks = realClocks,
    /** Differences below this are drift, not jumps. */
    private readonly thresholdMs = 1_000,
  ) {
    this.offset = clocks.wall() - clocks.mono();
  }

  /** Checks every `everyMs`; returns the stop function. */
  start(everyMs = 2_000): () => void {
    this.timer = setInterval(() => this.check(), everyMs);
    this.timer.unref?.();
    return () => clearInterval(this.timer);
  }

  /** Compares the clocks now; reports a jump larger than the threshold. */
  check(): void {
    const offset = this.clocks.wall() - this.clocks.mono();
    const jump = offset - this.offset;
    this.offset = offset;
    if (Math.abs(jump) >= this.thresholdMs) this.onJump(jump);
  }

  suspend(): void {
    this.suspendedAt = { wall: this.clocks.wall(), mono: this.clocks.mono() };
  }

  /** The time slept since `suspend()`, in ms (0 if unknown). */
  resume(): number {
    const at = this.suspendedAt;
    this.suspendedAt = null;
    this.offset = this.clocks.wall() - this.clocks.mono(); // the sleep is not a jump
    if (!at) return 0;
    const slept = this.clocks.wall() - at.wall - (this.clocks.mono() - at.mono);
    return Math.max(0, slept);
  }
}
