import { useState } from 'react';
import { displayAccelerator, SHORTCUTS } from '../../../shared/shortcuts';
import { isMac } from '../hooks/useDesktopIntegration';
import { useI18n } from '../hooks/useI18n';
import { Checkbox } from './Checkbox';
import { download, useBreakwatch } from '../store';

/** Preferences, shortcuts, settings file, logs and diagnostics, About. */
export function SettingsPage() {
  const { t } = useI18n();
  const info = useBreakwatch((s) => s.info);
  const setPreferences = useBreakwatch((s) => s.setPreferences);
  const exportSettings = useBreakwatch((s) => s.exportSettings);
  const importSettings = useBreakwatch((s) => s.importSettings);
  const exportDiagnostics = useBreakwatch((s) => s.exportDiagnostics);
  const openLogs = useBreakwatch((s) => s.openLogs);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  if (!info) return null;
  const prefs = info.preferences;
  const desktop = info.host === 'desktop';

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
    <div className="settings-page">
      <h2 className="page-title">{t('settings.title')}</h2>

      <section className="card" aria-labelledby="prefs-title">
        <h3 id="prefs-title" className="card-title">
          {t('prefs.title')}
        </h3>
        <div className="prefs">
          <Checkbox
            checked={prefs.notifications}
            onChange={(checked) => void setPreferences({ notifications: checked })}
          >
            {t('prefs.notifications')}
          </Checkbox>
          <Checkbox
            checked={prefs.closeToTray}
            onChange={(checked) => void setPreferences({ closeToTray: checked })}
          >
            {t('prefs.closeToTray')}
          </Checkbox>
          <Checkbox
            checked={prefs.startAtLogin}
            onChange={(checked) => void setPreferences({ startAtLogin: checked })}
          >
            {t('prefs.startAtLogin')}
          </Checkbox>
          {!desktop && <p className="hint">{t('prefs.desktopOnly')}</p>}
          <label className="select-row">
            {t('prefs.theme')}{' '}
            <select
              value={prefs.theme}
              onChange={(e) => void setPreferences({ theme: e.target.value as typeof prefs.theme })}
            >
              {(['system', 'light', 'dark'] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`prefs.theme.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="select-row">
            {t('prefs.language')}{' '}
            <select
              value={prefs.language}
              onChange={(e) => void setPreferences({ language: e.target.value as typeof prefs.language })}
            >
              {(['system', 'en', 'es'] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`prefs.language.${value}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>

      <section className="card" aria-labelledby="shortcuts-title">
        <h3 id="shortcuts-title" className="card-title">
          {t('shortcuts.title')}
        </h3>
        <dl className="shortcuts">
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.command}>
              <dt>
                <kbd>{displayAccelerator(shortcut.accelerator, isMac)}</kbd>
              </dt>
              <dd>{t(shortcut.label)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="card" aria-labelledby="file-title">
        <h3 id="file-title" className="card-title">
          {t('settings.title')}
        </h3>
        <p className="hint">{t('settings.help')}</p>
        <p className={info.secretsEncrypted ? 'hint' : 'warning'}>
          {info.secretsEncrypted ? t('settings.secrets.encrypted') : t('settings.secrets.plain')}
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
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void exportDiagnostics().then((file) => file && download(file))}
          >
            {t('diagnostics.export')}
          </button>
          {desktop && (
            <button type="button" className="button button-quiet" onClick={() => void openLogs()}>
              {t('logs.open')}
            </button>
          )}
        </div>
        {info.logFile && <p className="hint">{t('logs.where', { path: info.logFile })}</p>}
        {result && (
          <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'ok' : 'warning'}>
            {result.text}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="about-title">
        <h3 id="about-title" className="card-title">
          {t('about.title')}
        </h3>
        <dl className="versions">
          {Object.entries(info.versions).map(([name, version]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{version}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
