import { BreakerCard } from './components/BreakerCard';
import { ErrorAlert } from './components/ErrorAlert';
import { FaultSwitch } from './components/FaultSwitch';
import { Header } from './components/Header';
import { ResponsePanel } from './components/ResponsePanel';
import { useI18n } from './hooks/useI18n';
import { useBreakwatch } from './store';

export function App() {
  const ready = useBreakwatch((state) => state.snapshot !== null);
  const { language } = useI18n();
  return (
    <div className="app" lang={language}>
      <Header />
      <main className="layout">
        {ready ? (
          <>
            <div className="column column-side">
              <BreakerCard />
              <FaultSwitch />
            </div>
            <div className="column column-main">
              <ErrorAlert />
              <ResponsePanel />
            </div>
          </>
        ) : (
          <>
            <ErrorAlert />
            <p className="loading" aria-busy="true">
              …
            </p>
          </>
        )}
      </main>
    </div>
  );
}
