import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../src/shared/contract';

const ipcMain = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, argument: unknown) => unknown>(),
  handle: vi.fn(),
  removeHandler: vi.fn(),
}));
ipcMain.handle.mockImplementation(
  (channel: string, handler: (event: unknown, argument: unknown) => unknown) =>
    ipcMain.handlers.set(channel, handler),
);
vi.mock('electron', () => ({ ipcMain }));

const { registerIpcHandlers } = await import('../../src/main/ipc/electron-ipc');

const trusted = { rendererUrl: 'app://breakwatch/index.html', devServerUrl: null };
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('registerIpcHandlers', () => {
  const retry = vi.fn(() => ({ seq: 1 }));
  const log = vi.fn();
  beforeEach(() => {
    ipcMain.handlers.clear();
    retry.mockClear();
    registerIpcHandlers({ 'monitor:retry': retry } as never, trusted, log);
  });

  it('registers one handler per contract channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('dispatches from our own page', async () => {
    const result = await ipcMain.handlers.get('monitor:retry')!(frame(trusted.rendererUrl), { id: 'a' });
    expect(result).toEqual({ ok: true, value: { seq: 1 } });
  });

  it.each([
    ['another site', frame('https://evil.example/')],
    ['another local file', frame('file:///tmp/evil.html')],
    ['another page on our scheme', frame('app://breakwatch/evil.html')],
    ['an iframe of our page', frame(trusted.rendererUrl, { url: 'x' })],
    ['a destroyed frame', { senderFrame: null }],
  ])('rejects %s without running the handler', async (_name, event) => {
    const result = await ipcMain.handlers.get('monitor:retry')!(event, { id: 'a' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(retry).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });
});
