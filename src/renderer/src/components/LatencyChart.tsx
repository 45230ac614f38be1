import type { HistoryEvent } from '../../../shared/model';
import { useI18n } from '../hooks/useI18n';

const WIDTH = 640;
const HEIGHT = 160;
const PAD = { left: 44, right: 8, top: 10, bottom: 22 };

/** Periods the breaker was open or held open, from transition events (oldest first). */
export function openPeriods(events: readonly HistoryEvent[], now: number): [number, number][] {
  const periods: [number, number][] = [];
  let openSince: number | null = null;
  for (const event of events) {
    if (event.type !== 'transition') continue;
    if ((event.kind === 'open' || event.kind === 'held-open') && openSince === null) openSince = event.at;
    if ((event.kind === 'closed' || event.kind === 'half-open') && openSince !== null) {
      periods.push([openSince, event.at]);
      openSince = null;
    }
  }
  if (openSince !== null) periods.push([openSince, now]);
  return periods;
}

/** Response times over the recent history, open periods shaded. Plain SVG: no library needed. */
export function LatencyChart({ events: newestFirst }: { events: readonly HistoryEvent[] }) {
  const { t, time, number } = useI18n();
  const events = [...newestFirst].reverse();
  const calls = events.filter((e) => e.type === 'call' && e.latencyMs !== null);
  if (calls.length === 0) {
    return (
      <section className="card chart" aria-labelledby="chart-title">
        <h2 id="chart-title" className="card-title">
          {t('chart.title')}
        </h2>
        <p className="empty">{t('chart.empty')}</p>
      </section>
    );
  }
  const start = Math.min(events[0]!.at, calls[0]!.at);
  const end = Math.max(events.at(-1)!.at, start + 1);
  const maxLatency = Math.max(10, ...calls.map((c) => c.latencyMs!));
  const x = (at: number) => PAD.left + ((at - start) / (end - start)) * (WIDTH - PAD.left - PAD.right);
  const y = (ms: number) => PAD.top + (1 - ms / maxLatency) * (HEIGHT - PAD.top - PAD.bottom);
  const line = calls.map((c) => `${x(c.at).toFixed(1)},${y(c.latencyMs!).toFixed(1)}`).join(' ');

  return (
    <section className="card chart" aria-labelledby="chart-title">
      <h2 id="chart-title" className="card-title">
        {t('chart.title')}
      </h2>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart-svg" role="img" aria-labelledby="chart-title">
        {openPeriods(events, end).map(([from, to]) => (
          <rect
            key={from}
            className="chart-open"
            x={x(from)}
            y={PAD.top}
            width={Math.max(2, x(to) - x(from))}
            height={HEIGHT - PAD.top - PAD.bottom}
          >
            <title>{`${t('chart.open')}: ${time(from)}–${time(to)}`}</title>
          </rect>
        ))}
        <line className="chart-axis" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />
        <text className="chart-label" x={PAD.left - 6} y={y(maxLatency) + 4} textAnchor="end">
          {number(maxLatency)}
        </text>
        <text className="chart-label" x={PAD.left - 6} y={y(0)} textAnchor="end">
          0
        </text>
        <text className="chart-label" x={PAD.left} y={HEIGHT - 6}>
          {time(start)}
        </text>
        <text className="chart-label" x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end">
          {time(end)}
        </text>
        <polyline className="chart-line" points={line} />
        {calls.map((c, i) => (
          <circle
            key={`${c.at}-${i}`}
            className={`chart-dot dot-${c.kind}`}
            cx={x(c.at)}
            cy={y(c.latencyMs!)}
            r="2.5"
          >
            <title>{`${time(c.at)} · ${number(c.latencyMs!)} ms · ${c.message}`}</title>
          </circle>
        ))}
      </svg>
    </section>
  );
}
