import { useNow } from '../hooks/useNow';
import { useI18n } from '../hooks/useI18n';
import { useBreakwatch } from '../store';

/** The fetched data, as text. Marked stale while the latest check failed. */
export function ResponsePanel() {
  const { t, time, bytes, number, age } = useI18n();
  const result = useBreakwatch((state) => state.snapshot!.lastResult);
  const stale = useBreakwatch((state) => state.snapshot!.lastError !== null);

  return (
    <section className={`card response${stale ? ' response-stale' : ''}`} aria-labelledby="response-title">
      <div className="response-head">
        <h2 id="response-title" className="card-title">
          {t('response.title')}
        </h2>
        {result && (
          <p className="response-meta">
            <span className="badge">{t('response.status', { status: result.status })}</span>
            <span>{t('response.latency', { ms: number(result.latencyMs) })}</span>
            <span>{bytes(result.bytes)}</span>
            <span>{t('response.updated', { time: time(result.receivedAt) })}</span>
          </p>
        )}
      </div>
      {result && stale && <StaleNotice receivedAt={result.receivedAt} age={age} t={t} />}
      {result ? (
        <>
          {/* Text node only: whatever the API sends is never parsed as HTML. */}
          <pre className="json" tabIndex={0} data-testid="response-body">
            {result.body}
          </pre>
          {result.truncated && (
            <p className="hint">
              {t('response.truncated', { shown: bytes(result.body.length), total: bytes(result.bytes) })}
            </p>
          )}
        </>
      ) : (
        <p className="empty">{t('response.empty')}</p>
      )}
    </section>
  );
}

function StaleNotice({
  receivedAt,
  age,
  t,
}: {
  receivedAt: number;
  age: (ms: number) => string;
  t: ReturnType<typeof useI18n>['t'];
}) {
  const now = useNow();
  return (
    <p className="stale" data-testid="stale-notice">
      {t('response.stale', { age: age(now - receivedAt) })}
    </p>
  );
}
