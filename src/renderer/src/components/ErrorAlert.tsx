import { useI18n } from '../hooks/useI18n';
import { useBreakwatch, useSnapshot } from '../store';

/** The tutorial's error page, as an alert: breaker-open vs. could-not-connect. */
export function ErrorAlert({ id }: { id: string }) {
  const { t, time } = useI18n();
  const error = useSnapshot(id, (s) => s.lastError);
  const ipcError = useBreakwatch((state) => state.ipcError);

  if (ipcError) {
    return (
      <div role="alert" className="alert alert-error" data-kind="ipc">
        <p className="alert-message">{t('error.ipc', { detail: ipcError })}</p>
      </div>
    );
  }
  if (!error) return null;
  const message =
    error.kind === 'breaker-open'
      ? t('error.breakerOpen')
      : t(error.kind === 'request-failed' ? 'error.requestFailed' : 'error.unexpected', {
          detail: error.detail,
        });
  return (
    <div role="alert" className={`alert alert-${error.kind}`} data-kind={error.kind} data-code={error.code}>
      <svg className="alert-icon" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M10 2 19 18H1z" />
        <rect x="9" y="7.5" width="2" height="5.5" rx="1" className="alert-icon-mark" />
        <circle cx="10" cy="15.2" r="1.1" className="alert-icon-mark" />
      </svg>
      <div>
        <p className="alert-message">{message}</p>
        <p className="alert-meta">
          <code>{error.code}</code> · {time(error.at)}
          {error.kind === 'request-failed' && !error.counted && <> · {t('error.notCounted')}</>}
        </p>
      </div>
    </div>
  );
}
