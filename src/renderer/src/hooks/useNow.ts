/**
 * One shared clock for every countdown and age on screen: a single interval
 * while anyone listens, none otherwise. Values are computed from deadlines,
 * never by counting ticks, so a late tick cannot make a countdown drift.
 */
import { useSyncExternalStore } from 'react';

const TICK_MS = 250;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((notify) => notify());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(timer);
  };
}

/** The current time in ms, refreshed four times a second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}

/** Whole seconds left until `deadline` (rounded up, never negative). */
export function secondsUntil(deadline: number, at: number): number {
  return Math.max(0, Math.ceil((deadline - at) / 1000));
}
