/**
 * Runs in the browser page before the renderer: defines `window.breakwatch`
 * over the host's WebSocket, with the same shape the Electron preload gives,
 * so the renderer cannot tell the transports apart. Bundled by the host.
 */
import { isEventChannel, isInvokeChannel } from '../shared/channels';
import type { BreakwatchApi, Envelope, HostServerMessage } from '../shared/contract';

type Pending = (envelope: Envelope<unknown>) => void;

const token = new URLSearchParams(location.search).get('token') ?? '';
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const pending = new Map<number, Pending>();
const queue: string[] = [];
let socket: WebSocket | null = null;
let nextId = 1;
let reconnectDelay = 250;
/** Below the host's WebSocket limit (16 MiB), so oversize input gets a message, not a dropped connection. */
const MAX_MESSAGE_CHARS = 15 * 1024 * 1024;

const failure = (code: 'UNKNOWN_CHANNEL' | 'DISCONNECTED', message: string): Envelope<never> => ({
  ok: false,
  error: { code, message },
});

function connect(): void {
  const ws = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
  socket = ws;
  ws.addEventListener('open', () => {
    reconnectDelay = 250;
    for (const message of queue.splice(0)) ws.send(message);
  });
  ws.addEventListener('message', (event) => {
    let message: HostServerMessage;
    try {
      message = JSON.parse(String(event.data)) as HostServerMessage;
    } catch {
      return;
    }
    if (message.type === 'result') {
      pending.get(message.id)?.(message.envelope);
      pending.delete(message.id);
    } else if (message.type === 'event') {
      listeners.get(message.channel)?.forEach((listener) => listener(message.payload));
    }
  });
  ws.addEventListener('close', () => {
    socket = null;
    for (const [id, resolve] of pending) {
      resolve(failure('DISCONNECTED', 'The connection to the Breakwatch host was lost'));
      pending.delete(id);
    }
    setTimeout(connect, reconnectDelay);
    reconnectDelay = Math.min(reconnectDelay * 2, 5000);
  });
}

const api = {
  invoke(channel: string, ...args: unknown[]): Promise<Envelope<unknown>> {
    if (!isInvokeChannel(channel)) {
      return Promise.resolve(
        failure('UNKNOWN_CHANNEL', `Unknown channel ${JSON.stringify(String(channel))}`),
      );
    }
    const id = nextId++;
    const message = JSON.stringify({ type: 'invoke', id, channel, argument: args[0] });
    if (message.length > MAX_MESSAGE_CHARS) {
      return Promise.resolve<Envelope<never>>({
        ok: false,
        error: { code: 'INVALID_PAYLOAD', message: `Argument for ${channel} is too large to send` },
      });
    }
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (socket?.readyState === WebSocket.OPEN) socket.send(message);
      else queue.push(message);
    });
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!isEventChannel(event)) throw new TypeError(`Unknown event ${JSON.stringify(String(event))}`);
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

Object.defineProperty(window, 'breakwatch', {
  value: Object.freeze(api) as unknown as BreakwatchApi,
  writable: false,
  configurable: false,
});
connect();
