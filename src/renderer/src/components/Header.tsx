import { useI18n } from '../hooks/useI18n';
import { useBreakwatch } from '../store';

/** App title and the target picker. */
export function Header() {
  const { t } = useI18n();
  const info = useBreakwatch((state) => state.info);
  const selectTarget = useBreakwatch((state) => state.selectTarget);
  const url = useBreakwatch((state) => state.snapshot?.target.url ?? '');
  return (
    <header className="header">
      <div className="brand">
        <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
          <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="3" />
          <path
            d="M9 16h5l2-5 3 10 2-5h2"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.4"
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        </svg>
        <div>
          <h1>{t('app.title')}</h1>
          <p className="subtitle">{t('app.subtitle')}</p>
        </div>
      </div>
      {info && (
        <div className="target">
          <label htmlFor="target-select">{t('target.label')}</label>
          <select
            id="target-select"
            value={info.selectedTargetId}
            onChange={(event) => void selectTarget(event.target.value)}
          >
            {info.targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.name}
              </option>
            ))}
          </select>
          <code className="target-url" title={url}>
            GET {url}
          </code>
        </div>
      )}
    </header>
  );
}
