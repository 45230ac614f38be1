/** Renders components with a real store over a fake `window.breakwatch`. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createBreakwatchStore, StoreProvider } from '../../../src/renderer/src/store';
import type { BreakwatchApi, Envelope } from '../../../src/shared/contract';
import type { AppInfo, MonitorSnapshot } from '../../../src/shared/model';

export const info: AppInfo = {
  version: '0.0.0',
  locale: 'en-US',
  targets: [{ id: 't', name: 'Test', url: 'http://127.0.0.1:1/dev', isDemo: false }],
  selectedTargetId: 't',
  demoFault: null,
  requestTimeoutMs: 5000,
};

export function snapshot(overrides: Partial<MonitorSnapshot> = {}): MonitorSnapshot {
  return {
    seq: 1,
    target: info.targets[0]!,
    breaker: {
      state: 'closed',
      consecutiveFailures: 0,
      failureThreshold: 2,
      recoveryTimeoutMs: 10_000,
      openedAt: null,
      openUntil: null,
    },
    inFlight: false,
    lastResult: null,
    lastError: null,
    lastCheckAt: null,
    intervalMs: 0,
    nextCheckAt: null,
    ...overrides,
  };
}

export function fakeApi(initial: MonitorSnapshot, locale: string | null = 'en-US') {
  const calls: string[] = [];
  const api: BreakwatchApi = {
    invoke: (async (channel: string) => {
      calls.push(channel);
      const value = channel === 'app:get-info' ? { ...info, locale } : initial;
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
) {
  const { api, calls } = fakeApi(initial, locale);
  const store = createBreakwatchStore(api);
  await store.getState().init();
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { ...result, store, calls };
}
