import type { BreakerState, MonitorSnapshot } from '../../shared/model';

const SEVERITY: Record<BreakerState, number> = { open: 0, 'held-open': 1, 'half-open': 2, closed: 3 };

/** Worst first: open, held open, half-open, closed; then by error %; then by name. */
export function worstFirst(a: MonitorSnapshot, b: MonitorSnapshot): number {
  return (
    SEVERITY[a.breaker.state] - SEVERITY[b.breaker.state] ||
    (b.metrics.recent.errorPercent ?? 0) - (a.metrics.recent.errorPercent ?? 0) ||
    a.target.name.localeCompare(b.target.name)
  );
}
