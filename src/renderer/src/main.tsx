import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createBreakwatchStore, StoreProvider } from './store';
import './styles.css';

const store = createBreakwatchStore(window.breakwatch);
void store.getState().init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
