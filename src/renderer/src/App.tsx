import { EndpointDetail } from './components/EndpointDetail';
import { EndpointForm } from './components/EndpointForm';
import { Notices } from './components/Notices';
import { Overview } from './components/Overview';
import { SettingsPage } from './components/SettingsPage';
import { Sidebar } from './components/Sidebar';
import { useShortcuts, useTheme } from './hooks/useDesktopIntegration';
import { useI18n } from './hooks/useI18n';
import { useBreakwatch } from './store';

export function App() {
  const view = useBreakwatch((state) => state.view);
  const known = useBreakwatch((state) => view.kind !== 'endpoint' || state.snapshots[view.id] !== undefined);
  const ipcError = useBreakwatch((state) => state.ipcError);
  const { language, t } = useI18n();
  useShortcuts();
  useTheme();
  return (
    <div className="app" lang={language}>
      <Sidebar />
      <main className="main">
        <Notices />
        {ipcError && view.kind !== 'endpoint' && (
          <div role="alert" className="alert alert-error" data-kind="ipc">
            <p className="alert-message">{t('error.ipc', { detail: ipcError })}</p>
          </div>
        )}
        {view.kind === 'overview' && <Overview />}
        {view.kind === 'endpoint' && known && <EndpointDetail key={view.id} id={view.id} />}
        {view.kind === 'form' && <EndpointForm key={view.id ?? 'new'} id={view.id} />}
        {view.kind === 'settings' && <SettingsPage />}
      </main>
    </div>
  );
}
