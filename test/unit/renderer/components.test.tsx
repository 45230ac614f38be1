// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/renderer/src/App';
import { Countdown } from '../../../src/renderer/src/components/Countdown';
import HistoryPanel from '../../../src/renderer/src/components/HistoryPanel';
import type { ErrorInfo, HistoryEvent } from '../../../src/shared/model';
import { createBreakwatchStore, StoreProvider } from '../../../src/renderer/src/store';
import { fakeApi, renderWith, snapshot } from './render';

const error = (overrides: Partial<ErrorInfo>): ErrorInfo => ({
  kind: 'request-failed',
  code: 'HTTP_STATUS',
  category: 'http-5xx',
  message: '',
  detail: 'HTTP 500 Internal Server Error',
  status: 500,
  counted: true,
  at: Date.now(),
  ...overrides,
});

describe('renderer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date('2026-12-04T12:00:00Z'));
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('renders before any data has arrived (selectors return stable values)', () => {
    const { api } = fakeApi(snapshot());
    const store = createBreakwatchStore(api);
    render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
    expect(screen.getByRole('heading', { name: 'All endpoints' })).toBeTruthy();
  });

  it('counts down in whole seconds from the deadline, not by counting ticks', async () => {
    const openUntil = Date.now() + 3_000;
    await renderWith(<Countdown openUntil={openUntil} />, snapshot());
    expect(screen.getByRole('timer').textContent).toBe('3 s');
    await act(() => vi.advanceTimersByTimeAsync(1_100));
    expect(screen.getByRole('timer').textContent).toBe('2 s');
    // A stalled event loop: time jumps without ticks in between.
    vi.setSystemTime(Date.now() + 1_500);
    await act(() => vi.advanceTimersByTimeAsync(250));
    expect(screen.getByRole('timer').textContent).toBe('1 s');
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(screen.getByRole('timer').textContent).toBe('0 s');
  });

  it('shows the open state with its word, countdown and the breaker message', async () => {
    const now = Date.now();
    await renderWith(
      <App />,
      snapshot({
        breaker: {
          state: 'open',
          consecutiveFailures: 2,
          failureThreshold: 2,
          recoveryTimeoutMs: 10_000,
          openedAt: now,
          openUntil: now + 10_000,
        },
        lastError: error({ kind: 'breaker-open', code: 'BREAKER_OPEN', category: null, counted: false }),
      }),
    );
    const status = screen.getByRole('status');
    expect(status.dataset['state']).toBe('open');
    expect(status.textContent).toBe('Open');
    expect(screen.getByRole('timer').textContent).toBe('10 s');
    expect(screen.getByRole('alert').textContent).toMatch(/^The request has failed repeatedly\./);
    expect(screen.getByText(/Retry will be rejected at once/)).toBeTruthy();
  });

  it('names history events in the UI language, and shows a kind it does not know as stored', async () => {
    const event = (type: HistoryEvent['type'], kind: string): HistoryEvent => ({
      at: Date.now(),
      type,
      kind,
      status: null,
      latencyMs: null,
      message: `${type} ${kind}`,
      actor: 'system',
    });
    await renderWith(<HistoryPanel id="t" />, snapshot(), 'es-ES', [
      event('call', 'failure'),
      event('call', 'short-circuit'),
      event('transition', 'open'),
      event('action', 'hold'),
      event('call', 'mystery'),
    ]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(200); // the panel waits 150 ms to merge bursts
    });
    const cells = screen.getAllByRole('cell').map((cell) => cell.textContent);
    for (const label of [
      'Llamadas: fallo',
      'Llamadas: rechazada (abierto)',
      'Cambios de estado: abierto',
      'Acciones del usuario: mantener abierto',
      'Llamadas: mystery',
    ])
      expect(cells).toContain(label);
  });

  it('translates our own history sentences, never the servers’ words; English shows them as stored', async () => {
    const at = Date.now() + 10_000;
    const events: HistoryEvent[] = [
      {
        at: Date.now(),
        type: 'transition',
        kind: 'open',
        status: null,
        latencyMs: null,
        message: 'circuit breaker closed -> open: 2 consecutive failures; half-open at 12:00:10',
        text: { key: 'opened-failures', params: { from: 'closed', failures: 2, at } },
        actor: 'system',
      },
      {
        at: Date.now(),
        type: 'call',
        kind: 'failure',
        status: null,
        latencyMs: 3,
        message: 'Connection refused (connect ECONNREFUSED 127.0.0.1:9)',
        actor: 'schedule',
      },
    ];
    const messages = async (locale: string) => {
      cleanup();
      await renderWith(<HistoryPanel id="t" />, snapshot(), locale, events);
      await act(async () => {
        await vi.advanceTimersByTimeAsync(200);
      });
      return screen
        .getAllByRole('cell')
        .filter((cell) => cell.classList.contains('message'))
        .map((cell) => cell.textContent);
    };
    const time = new Intl.DateTimeFormat('es-ES', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    expect(await messages('es-ES')).toEqual([
      `Circuit Breaker cerrado → abierto: 2 fallos consecutivos; semiabierto a las ${time.format(at)}`,
      'Connection refused (connect ECONNREFUSED 127.0.0.1:9)',
    ]);
    expect(await messages('en-US')).toEqual(events.map((event) => event.message));
  });

  it('shows the connection message with the detail, in Spanish for an es locale', async () => {
    await renderWith(<App />, snapshot({ lastError: error({}) }), 'es-ES');
    expect(screen.getByRole('alert').textContent).toMatch(
      /^Ocurrió un error al intentar conectarse a la API: HTTP 500 Internal Server Error/,
    );
    expect(screen.getByRole('button', { name: 'Reintentar' })).toBeTruthy();
  });

  it('renders response bodies as text and marks stale data', async () => {
    const body = '{\n  "x": "<b id=\\"evil\\">hi</b>"\n}';
    const { container } = await renderWith(
      <App />,
      snapshot({
        lastResult: {
          status: 200,
          body,
          truncated: false,
          bytes: 30,
          receivedAt: Date.now() - 65_000,
          latencyMs: 9,
        },
        lastError: error({}),
      }),
    );
    expect(container.querySelector('#evil')).toBeNull();
    expect(screen.getByTestId('response-body').textContent).toBe(body);
    expect(screen.getByTestId('stale-notice').textContent).toBe('Last good data, 1 min old — not current.');
  });

  it('Retry invokes the monitor and shows progress while in flight', async () => {
    const { calls } = await renderWith(<App />, snapshot({ inFlight: true }));
    const button = screen.getByRole('button', { name: 'Retry' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Checking…')).toBeTruthy();
    await act(async () => {
      fireEvent.click(button);
    });
    expect(calls).toContain('monitor:retry');
  });
});
