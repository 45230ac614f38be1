/** Renders components with a real store over a fake `window.breakwatch`. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createBreakwatchStore, StoreProvider } from '../../../src/renderer/src/store';
import type { BreakwatchApi, Envelope } from '../../../src/shared/contract';
import type { AppInfo, HistoryEvent, MonitorSnapshot } from '../../../src/shared/model';
import { DEFAULT_PREFERENCES, ENDPOINT_DEFAULTS } from '../../../src/shared/settings';

export const info: AppInfo = {
  version: '0.0.0',
  locale: 'en-US',
  initialEndpointId: 't',
  demoFault: null,
  presets: { demoUrl: null, tutorialUrl: 'https://example.com/dev' },
  secretsEncrypted: false,
  notices: [],
  preferences: DEFAULT_PREFERENCES,
  host: 'browser',
  versions: { breakwatch: '0.0.0' },
  logFile: null,
};

const emptyWindow = {
  calls: 0,
  successes: 0,
  failures: { connection: 0, timeout: 0, 'http-5xx': 0, 'http-4xx': 0, 'invalid-response': 0 },
  unexpected: 0,
  shortCircuited: 0,
  errorPercent: null,
  latency: { p50: null, p90: null, p99: null, max: null },
};

export function snapshot(overrides: Partial<MonitorSnapshot> = {}): MonitorSnapshot {
  return {
    seq: 1,
    target: { id: 't', name: 'Test', url: 'http://127.0.0.1:1/dev', isDemo: false },
    breaker: {
      state: 'closed',
      consecutiveFailures: 0,
      failureThreshold: 2,
      recoveryTimeoutMs: 10_000,
      openedAt: null,
      openUntil: null,
    },
    inFlight: false,
    paused: false,
    lastResult: null,
    lastError: null,
    lastCheckAt: null,
    intervalMs: 0,
    nextCheckAt: null,
    metrics: { recent: emptyWindow, lastCalls: emptyWindow, uptime1h: null, uptime24h: null },
    heartbeat: [],
    ...overrides,
  };
}

export function fakeApi(
  initial: MonitorSnapshot,
  locale: string | null = 'en-US',
  history: readonly HistoryEvent[] = [],
) {
  const calls: string[] = [];
  const api: BreakwatchApi = {
    invoke: (async (channel: string) => {
      calls.push(channel);
      const value =
        channel === 'app:get-info'
          ? { ...info, locale }
          : channel === 'monitor:list'
            ? [initial]
            : channel === 'settings:get'
              ? [{ ...ENDPOINT_DEFAULTS, id: 't', name: 'Test', kind: 'http', url: 'http://127.0.0.1:1/dev' }]
              : channel === 'history:list'
                ? history
                : initial;
      return { ok: true, value } satisfies Envelope<unknown>;
    }) as BreakwatchApi['invoke'],
    on: () => () => {},
  };
  return { api, calls };
}

export async function renderWith(
  ui: ReactElement,
  initial: MonitorSnapshot,
  locale: string | null = 'en-US',
  history: readonly HistoryEvent[] = [],
) {
  const { api, calls } = fakeApi(initial, locale, history);
  const store = createBreakwatchStore(api);
  await store.getState().init();
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { ...result, store, calls };
}
