import { BREAKER_SEVERITY, type MonitorSnapshot } from '../../shared/model';

/** Worst first: open, held open, half-open, closed; then by error %; then by name. */
export function worstFirst(a: MonitorSnapshot, b: MonitorSnapshot): number {
  return (
    BREAKER_SEVERITY[b.breaker.state] - BREAKER_SEVERITY[a.breaker.state] ||
    (b.metrics.recent.errorPercent ?? 0) - (a.metrics.recent.errorPercent ?? 0) ||
    a.target.name.localeCompare(b.target.name)
  );
}
