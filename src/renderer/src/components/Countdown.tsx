import { useId } from 'react';
import { secondsUntil, useNow } from '../hooks/useNow';
import { useI18n } from '../hooks/useI18n';

/** Whole seconds until the breaker turns half-open, from the deadline. */
export function Countdown({ openUntil }: { openUntil: number }) {
  const { t } = useI18n();
  const now = useNow();
  const labelId = useId();
  const seconds = secondsUntil(openUntil, now);
  return (
    <div className="countdown">
      <span className="countdown-label" id={labelId}>
        {t('countdown.label')}
      </span>
      <span role="timer" aria-labelledby={labelId} className="countdown-value" data-seconds={seconds}>
        {t('countdown.value', { seconds })}
      </span>
    </div>
  );
}

/** The same countdown as plain text, for lists (no timer role: one per screen is enough). */
export function CountdownText({ openUntil }: { openUntil: number }) {
  const { t } = useI18n();
  const now = useNow();
  return (
    <span className="countdown-inline">
      {t('countdown.value', { seconds: secondsUntil(openUntil, now) })}
    </span>
  );
}
