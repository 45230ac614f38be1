import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BreakwatchApi } from '../../src/shared/contract';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'pong' })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
  };
});

vi.mock('electron', () => ({
  ipcRenderer: electron.ipcRenderer,
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
}));

describe('preload', () => {
  let api: BreakwatchApi;
  beforeEach(async () => {
    vi.resetModules();
    electron.exposed.clear();
    electron.ipcRenderer.invoke.mockClear();
    await import('../../src/preload/index');
    api = electron.exposed.get('breakwatch') as BreakwatchApi;
  });

  it('exposes exactly one frozen API object named breakwatch', () => {
    expect([...electron.exposed.keys()]).toEqual(['breakwatch']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes contract channels with exactly one argument', async () => {
    const call = api.invoke as (...args: unknown[]) => Promise<unknown>;
    await expect(call('monitor:retry', { id: 'demo' }, 'smuggled')).resolves.toEqual({
      ok: true,
      value: 'pong',
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('monitor:retry', { id: 'demo' });
  });

  it('refuses channels outside the contract without touching IPC', async () => {
    const call = api.invoke as (...args: unknown[]) => Promise<unknown>;
    await expect(call('fs:read', '/etc/passwd')).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('forwards event payloads without the IpcRendererEvent and unsubscribes', () => {
    const received: unknown[][] = [];
    const off = api.on('monitor:snapshot', (...args: unknown[]) => received.push(args));
    const [forward] = electron.listeners.get('monitor:snapshot')!;
    forward!({ sender: 'secret' }, { seq: 7 });
    expect(received).toEqual([[{ seq: 7 }]]);
    off();
    expect(electron.listeners.get('monitor:snapshot')!.size).toBe(0);
    expect(() => (api.on as (e: string, l: () => void) => void)('evil', () => {})).toThrow(/Unknown event/);
  });
});
