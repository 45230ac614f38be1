import { useI18n } from '../hooks/useI18n';
import type { Notice } from '../../../shared/model';
import { useBreakwatch } from '../store';

/** One constant: a selector must not return a new array each time, or React loops. */
const NO_NOTICES: readonly Notice[] = [];

/** Things the user must know (settings reset, secrets stored plainly) until dismissed. */
export function Notices() {
  const { t } = useI18n();
  const notices = useBreakwatch((s) => s.info?.notices ?? NO_NOTICES);
  const dismiss = useBreakwatch((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notices.label')}>
      {notices.map((notice) => (
        <div key={notice.code} className="notice" data-code={notice.code}>
          <p>{notice.message}</p>
          {notice.code !== 'SECRETS_PLAIN' && (
            <button type="button" className="button button-quiet" onClick={() => void dismiss(notice.code)}>
              {t('notice.dismiss')}
            </button>
          )}
        </div>
      ))}
    </section>
  );
}
