/**
 * Builds `window.breakwatch` from the contract's channel lists over an
 * `ipcRenderer`-like object. Only contract channels can be used, and the raw
 * `IpcRendererEvent` (which exposes `sender`) never reaches the page.
 */
import { isEventChannel, isInvokeChannel } from '../shared/channels';
import type { BreakwatchApi, Envelope } from '../shared/contract';

/** The part of Electron's `ipcRenderer` the API needs. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const rejected = (message: string): Envelope<never> => ({
  ok: false,
  error: { code: 'UNKNOWN_CHANNEL', message },
});

export function buildApi(ipc: IpcRendererLike): BreakwatchApi {
  const api = {
    async invoke(channel: string, ...args: unknown[]) {
      if (!isInvokeChannel(channel)) return rejected(`Unknown channel ${JSON.stringify(String(channel))}`);
      // Exactly one argument crosses, whatever the caller passed.
      return ipc.invoke(channel, args[0]);
    },
    on(event: string, listener: (payload: unknown) => void) {
      if (!isEventChannel(event)) throw new TypeError(`Unknown event ${JSON.stringify(String(event))}`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
  };
  return Object.freeze(api) as unknown as BreakwatchApi;
}
