import { secondsUntil, useNow } from '../hooks/useNow';
import { useI18n } from '../hooks/useI18n';

/** Whole seconds until the breaker turns half-open, from the deadline. */
export function Countdown({ openUntil }: { openUntil: number }) {
  const { t } = useI18n();
  const now = useNow();
  const seconds = secondsUntil(openUntil, now);
  return (
    <div className="countdown">
      <span className="countdown-label" id="countdown-label">
        {t('countdown.label')}
      </span>
      <span role="timer" aria-labelledby="countdown-label" className="countdown-value" data-seconds={seconds}>
        {t('countdown.value', { seconds })}
      </span>
    </div>
  );
}
