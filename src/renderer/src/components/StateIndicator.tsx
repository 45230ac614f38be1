import type { BreakerState } from '../../../shared/model';
import { useI18n } from '../hooks/useI18n';

/** Shape as well as colour, so the state never depends on colour alone. */
export function StateIcon({ state }: { state: BreakerState }) {
  return (
    <svg className={`state-icon state-fg-${state}`} viewBox="0 0 16 16" aria-hidden="true">
      {state === 'closed' && <circle cx="8" cy="8" r="6" />}
      {state === 'open' && <rect x="2.5" y="2.5" width="11" height="11" rx="1.5" />}
      {state === 'half-open' && (
        <>
          <circle cx="8" cy="8" r="5.5" fill="none" strokeWidth="2" />
          <path d="M8 2.5a5.5 5.5 0 0 1 0 11z" />
        </>
      )}
      {state === 'held-open' && (
        <>
          <rect x="2.5" y="2.5" width="11" height="11" rx="1.5" fill="none" strokeWidth="2" />
          <rect x="5.5" y="5" width="1.8" height="6" />
          <rect x="8.7" y="5" width="1.8" height="6" />
        </>
      )}
    </svg>
  );
}

/** The detail view's live indicator: role=status, data-state, a word and a shape. */
export function StateIndicator({ state }: { state: BreakerState }) {
  const { t } = useI18n();
  return (
    <div
      role="status"
      className={`state state-${state}`}
      data-state={state}
      aria-label={`${t('state.label')}: ${t(`state.${state}`)}`}
    >
      <StateIcon state={state} />
      <span className="state-word">{t(`state.${state}`)}</span>
    </div>
  );
}
