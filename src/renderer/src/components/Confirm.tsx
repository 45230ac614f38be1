import { useState, type ReactNode } from 'react';
import { useI18n } from '../hooks/useI18n';

/** A button that asks before it acts, inline (no blocking dialog). */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  className = 'button button-quiet',
}: {
  label: ReactNode;
  question: string;
  onConfirm: () => void;
  className?: string;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <button
        type="button"
        className="button button-danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('confirm.yes')}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setAsking(false)}>
        {t('confirm.no')}
      </button>
    </div>
  );
}
