/**
 * The IPC contract: the single source of truth for what the renderer may ask
 * of the main process (invoke channels) and what the main process pushes to
 * the renderer (event channels). The preload, the Electron adapter and the
 * browser host are all built from these tables.
 */
import { z } from 'zod';
import type { EventChannel, InvokeChannel } from './channels';
import { FAULT_MODES, type AppInfo, type MonitorSnapshot } from './model';

export { EVENT_CHANNELS, INVOKE_CHANNELS, isEventChannel, isInvokeChannel } from './channels';
export type { EventChannel, InvokeChannel } from './channels';

/** No argument. `z.undefined()` also rejects `null`, objects and so on. */
const noArgument = z.undefined();

/** Invoke channels: name → schema of the single argument. */
export const invokeSchemas = {
  /** Static facts and switches (targets, demo fault, locale). */
  'app:get-info': noArgument,
  /** The current snapshot, without checking. */
  'monitor:get-snapshot': noArgument,
  /** Check now, through the breaker; resolves with the snapshot after the check. */
  'monitor:retry': noArgument,
  /** Watch another target; the breaker starts closed for it. */
  'monitor:select-target': z.strictObject({
    targetId: z.string().min(1).max(64),
  }),
  /** Switch the built-in demo Lambda's behaviour. */
  'demo:set-fault': z.strictObject({
    mode: z.enum(FAULT_MODES),
  }),
} as const satisfies Record<InvokeChannel, z.ZodType>;

/** Invoke channels: name → type of the value returned on success. */
export interface InvokeResults {
  'app:get-info': AppInfo;
  'monitor:get-snapshot': MonitorSnapshot;
  'monitor:retry': MonitorSnapshot;
  'monitor:select-target': MonitorSnapshot;
  'demo:set-fault': AppInfo;
}

export type InvokeArgument<C extends InvokeChannel> = z.input<(typeof invokeSchemas)[C]>;

/** Event channels pushed from main: name → payload type. */
export interface EventPayloads extends Record<EventChannel, unknown> {
  /** Published after every change of the monitor. */
  'monitor:snapshot': MonitorSnapshot;
  /** Published when the app info changes (target selected, demo fault switched). */
  'app:info': AppInfo;
}

/** Stable codes of IPC-level failures (domain failures travel in snapshots). */
export const IPC_ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'INVALID_PAYLOAD',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'UNAVAILABLE',
  'DISCONNECTED',
  'INTERNAL',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcErrorInfo {
  readonly code: IpcErrorCode;
  readonly message: string;
}

/** Every invoke resolves with an envelope; it never rejects. */
export type Envelope<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcErrorInfo };

/** Arguments of `invoke`: none for channels whose schema is `undefined`. */
export type InvokeArgs<C extends InvokeChannel> =
  undefined extends InvokeArgument<C> ? [] : [argument: InvokeArgument<C>];

/** The API the renderer sees as `window.breakwatch`, whatever the transport. */
export interface BreakwatchApi {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Envelope<InvokeResults[C]>>;
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends EventChannel>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** Turns zod issues into one message that names each bad field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : 'argument';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

/** The browser host's wire format over its WebSocket. */
export const hostClientMessage = z.strictObject({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().max(64),
  argument: z.unknown().optional(),
});
export type HostClientMessage = z.infer<typeof hostClientMessage>;

export type HostServerMessage =
  | { readonly type: 'result'; readonly id: number; readonly envelope: Envelope<unknown> }
  | { readonly type: 'event'; readonly channel: EventChannel; readonly payload: unknown };
