import { useState } from 'react';
import { useI18n } from '../hooks/useI18n';
import { download, useBreakwatch } from '../store';

/** Export and import of the settings file, and where secrets are kept. */
export function SettingsPage() {
  const { t } = useI18n();
  const encrypted = useBreakwatch((s) => s.info?.secretsEncrypted ?? false);
  const exportSettings = useBreakwatch((s) => s.exportSettings);
  const importSettings = useBreakwatch((s) => s.importSettings);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const error = await importSettings(await file.text());
    setResult(
      error
        ? { ok: false, text: t('settings.importFailed', { detail: error }) }
        : { ok: true, text: t('settings.imported') },
    );
  };

  return (
    <section className="card settings-page" aria-labelledby="settings-title">
      <h2 id="settings-title" className="page-title">
        {t('settings.title')}
      </h2>
      <p className="hint">{t('settings.help')}</p>
      <p className={encrypted ? 'hint' : 'warning'}>
        {encrypted ? t('settings.secrets.encrypted') : t('settings.secrets.plain')}
      </p>
      <div className="settings-actions">
        <button
          type="button"
          className="button button-quiet"
          onClick={() => void exportSettings().then((file) => file && download(file))}
        >
          {t('settings.export')}
        </button>
        <label className="button button-quiet file-button">
          {t('settings.import')}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(event) => void onFile(event.target.files?.[0])}
          />
        </label>
      </div>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'ok' : 'warning'}>
          {result.text}
        </p>
      )}
    </section>
  );
}
