import { describe, expect, it, vi } from 'vitest';
import { ClockWatch } from '../../src/main/core/clock-watch';

function clocks() {
  const c = { wallMs: 1_000_000, monoMs: 50 };
  return { c, clocks: { wall: () => c.wallMs, mono: () => c.monoMs } };
}

describe('ClockWatch', () => {
  it('reports wall-clock jumps, not normal passing time or small drift', () => {
    const { c, clocks: k } = clocks();
    const onJump = vi.fn();
    const watch = new ClockWatch(onJump, k);
    c.wallMs += 2_000;
    c.monoMs += 2_000;
    watch.check();
    c.wallMs += 2_300; // 300 ms of drift
    c.monoMs += 2_000;
    watch.check();
    expect(onJump).not.toHaveBeenCalled();
    c.wallMs -= 3_600_000;
    watch.check();
    expect(onJump).toHaveBeenCalledWith(-3_600_000);
  });

  it('measures a sleep as wall time passed while the monotonic clock stood still, not as a jump', () => {
    const { c, clocks: k } = clocks();
    const onJump = vi.fn();
    const watch = new ClockWatch(onJump, k);
    watch.suspend();
    c.wallMs += 5 * 60_000;
    c.monoMs += 10;
    expect(watch.resume()).toBe(5 * 60_000 - 10);
    watch.check();
    expect(onJump).not.toHaveBeenCalled();
    expect(watch.resume()).toBe(0); // no suspend: unknown, nothing counts
  });
});
