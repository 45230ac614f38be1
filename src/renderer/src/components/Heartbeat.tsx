import type { CallOutcome } from '../../../shared/model';
import { useI18n } from '../hooks/useI18n';
import { useSnapshot } from '../store';

/** The last 60 outcomes as a bar; each beat shows its details on hover or focus. */
export function Heartbeat({ id }: { id: string }) {
  const { t, time, number } = useI18n();
  const beats = useSnapshot(id, (s) => s.heartbeat);
  const describe = (beat: CallOutcome) =>
    t('heartbeat.item', {
      time: time(beat.at),
      outcome: t(`outcome.${beat.kind}`),
      status: beat.status !== null ? ` · HTTP ${beat.status}` : '',
      latency: beat.latencyMs !== null ? ` · ${number(beat.latencyMs)} ms` : '',
      message: beat.message,
    });
  return (
    <section className="card heartbeat" aria-labelledby="heartbeat-title">
      <h2 id="heartbeat-title" className="card-title">
        {t('heartbeat.title')}
      </h2>
      {beats.length === 0 ? (
        <p className="empty">{t('heartbeat.empty')}</p>
      ) : (
        <ol className="beats">
          {beats.map((beat, index) => (
            <li
              key={`${beat.at}-${index}`}
              className={`beat beat-${beat.kind}`}
              tabIndex={0}
              title={describe(beat)}
              aria-label={describe(beat)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
