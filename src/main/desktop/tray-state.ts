/**
 * What the tray shows: the worst breaker state of all endpoints, as an icon
 * (distinguishable by shape, not only colour) and a tooltip summary.
 */
import { join } from 'node:path';
import { BREAKER_SEVERITY, type BreakerState, type MonitorSnapshot } from '../../shared/model';
import { translate, type Language } from '../../shared/messages';

/** `idle`: no endpoints. */
export type TrayState = BreakerState | 'idle';

const SEVERITY: Record<TrayState, number> = { ...BREAKER_SEVERITY, idle: 0 };

export function worstState(snapshots: readonly MonitorSnapshot[]): TrayState {
  let worst: TrayState = 'idle';
  for (const snapshot of snapshots) {
    if (SEVERITY[snapshot.breaker.state] > SEVERITY[worst]) worst = snapshot.breaker.state;
  }
  return worst;
}

/** The icon file for a state: template images on macOS (the menu bar tints them). */
export function trayIconPath(resources: string, state: TrayState, platform: NodeJS.Platform): string {
  const name = state === 'idle' ? 'closed' : state;
  return platform === 'darwin'
    ? join(resources, 'tray', `${name}Template.png`)
    : join(resources, 'tray', `${name}.png`);
}

/** "Breakwatch — 1 open, 2 closed" and the non-closed endpoints, at most 127 characters (Windows' limit). */
export function trayTooltip(snapshots: readonly MonitorSnapshot[], language: Language, now: number): string {
  const counts = new Map<BreakerState, number>();
  for (const s of snapshots) counts.set(s.breaker.state, (counts.get(s.breaker.state) ?? 0) + 1);
  const order: BreakerState[] = ['open', 'held-open', 'half-open', 'closed'];
  const summary = order
    .filter((state) => counts.has(state))
    .map((state) => `${counts.get(state)} ${translate(language, `state.${state}`).toLowerCase()}`)
    .join(', ');
  const lines = [`Breakwatch — ${summary || translate(language, 'overview.empty')}`];
  for (const s of snapshots) {
    if (s.breaker.state === 'closed') continue;
    const left =
      s.breaker.state === 'open' && s.breaker.openUntil !== null
        ? ` (${Math.max(0, Math.ceil((s.breaker.openUntil - now) / 1000))} s)`
        : '';
    lines.push(`${s.target.name}: ${translate(language, `state.${s.breaker.state}`)}${left}`);
  }
  const text = lines.join('\n');
  return text.length <= 127 ? text : `${text.slice(0, 126)}…`;
}
