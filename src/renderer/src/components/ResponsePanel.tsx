import { useNow } from '../hooks/useNow';
import { useI18n } from '../hooks/useI18n';
import { useSnapshot } from '../store';

/** The fetched data, as text. Marked stale, with its age, whenever it is not current. */
export function ResponsePanel({ id }: { id: string }) {
  const { t, time, bytes, number } = useI18n();
  const result = useSnapshot(id, (s) => s.lastResult);
  const failing = useSnapshot(id, (s) => s.lastError !== null);
  const stale = result !== null && (failing || result.restored === true);

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
      {result && stale && <StaleNotice receivedAt={result.receivedAt} restored={result.restored === true} />}
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

function StaleNotice({ receivedAt, restored }: { receivedAt: number; restored: boolean }) {
  const { t, age } = useI18n();
  const now = useNow();
  return (
    <p className="stale" data-testid="stale-notice">
      {t(restored ? 'response.restored' : 'response.stale', { age: age(now - receivedAt) })}
    </p>
  );
}
