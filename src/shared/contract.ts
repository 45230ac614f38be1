/**
 * The IPC contract: the single source of truth for what the renderer may ask
 * of the main process (invoke channels) and what the main process pushes to
 * the renderer (event channels). The preload, the Electron adapter and the
 * browser host are all built from these tables.
 */
import { z } from 'zod';
import { HISTORY_TYPES, USER_ACTIONS, type EventChannel, type InvokeChannel } from './channels';
import { FAULT_MODES, type AppInfo, type HistoryEvent, type MonitorSnapshot } from './model';
import { endpointInputSchema, preferencesSchema, type EndpointView } from './settings';
import type { UiCommand } from './channels';

export {
  EVENT_CHANNELS,
  HISTORY_TYPES,
  INVOKE_CHANNELS,
  USER_ACTIONS,
  isEventChannel,
  isInvokeChannel,
} from './channels';
export type { EventChannel, InvokeChannel } from './channels';

/** No argument. `z.undefined()` also rejects `null`, objects and so on. */
const noArgument = z.undefined();
const endpointId = z.string().min(1).max(64);
const byId = z.strictObject({ id: endpointId });

/** Invoke channels: name → schema of the single argument. */
export const invokeSchemas = {
  /** Static facts, notices and switches. */
  'app:get-info': noArgument,
  /** All endpoints' settings; secret header values are never sent. */
  'settings:get': noArgument,
  /** The current snapshot of every monitor, without checking. */
  'monitor:list': noArgument,
  /** Check now, through the breaker; resolves with the snapshot after the check. */
  'monitor:retry': byId,
  /** Probe now, reset, hold open, release, pause or resume one endpoint. */
  'monitor:control': z.strictObject({ id: endpointId, action: z.enum(USER_ACTIONS) }),
  /** Creates (no id) or replaces an endpoint; rejected whole with field messages. */
  'endpoint:save': z.strictObject({ endpoint: endpointInputSchema }),
  'endpoint:duplicate': byId,
  'endpoint:remove': byId,
  'history:list': z.strictObject({
    id: endpointId,
    limit: z.number().int().min(1).max(2_000),
    types: z.array(z.enum(HISTORY_TYPES)).max(3).optional(),
    text: z.string().max(200).optional(),
    /** The reader's language, so the search also matches the translated text. */
    language: z.enum(['en', 'es']).optional(),
  }),
  'history:export': z.strictObject({ id: endpointId, format: z.enum(['csv', 'json']) }),
  'settings:export': noArgument,
  /** A settings file's text; refused whole if broken or of another version. */
  'settings:import': z.strictObject({
    text: z.string().max(1024 * 1024, 'Settings file is too large (1 MiB at most)'),
  }),
  /** Switch the built-in demo Lambda's behaviour. */
  'demo:set-fault': z.strictObject({ mode: z.enum(FAULT_MODES) }),
  'notice:dismiss': z.strictObject({ code: z.string().max(64) }),
  /** Changes some preferences; the rest stay. */
  'preferences:set': preferencesSchema.partial(),
  'monitor:retry-all': noArgument,
  'monitor:pause-all': z.strictObject({ paused: z.boolean() }),
  /** Settings without secrets + recent history + versions, as one file. */
  'diagnostics:export': noArgument,
  /** Opens the logs folder in the system's file manager (desktop only). */
  'app:open-logs': noArgument,
} as const satisfies Record<InvokeChannel, z.ZodType>;

/** A file for the renderer to offer as a download. */
export interface ExportedFile {
  readonly filename: string;
  readonly mime: string;
  readonly content: string;
}

export interface SavedEndpoints {
  readonly endpoints: readonly EndpointView[];
  /** The endpoint created or changed. */
  readonly id: string;
}

/** Invoke channels: name → type of the value returned on success. */
export interface InvokeResults extends Record<InvokeChannel, unknown> {
  'app:get-info': AppInfo;
  'settings:get': readonly EndpointView[];
  'monitor:list': readonly MonitorSnapshot[];
  'monitor:retry': MonitorSnapshot;
  'monitor:control': MonitorSnapshot;
  'endpoint:save': SavedEndpoints;
  'endpoint:duplicate': SavedEndpoints;
  'endpoint:remove': readonly EndpointView[];
  'history:list': readonly HistoryEvent[];
  'history:export': ExportedFile;
  'settings:export': ExportedFile;
  'settings:import': readonly EndpointView[];
  'demo:set-fault': AppInfo;
  'notice:dismiss': AppInfo;
  'preferences:set': AppInfo;
  'monitor:retry-all': readonly MonitorSnapshot[];
  'monitor:pause-all': readonly MonitorSnapshot[];
  'diagnostics:export': ExportedFile;
  'app:open-logs': { readonly path: string | null; readonly opened: boolean };
}

export type InvokeArgument<C extends InvokeChannel> = z.input<(typeof invokeSchemas)[C]>;

/** Event channels pushed from main: name → payload type. */
export interface EventPayloads extends Record<EventChannel, unknown> {
  /** Published after every change of a monitor. */
  'monitor:snapshot': MonitorSnapshot;
  /** An endpoint was removed. */
  'monitor:removed': { readonly id: string };
  /** Endpoint settings changed (saved, removed, imported). */
  'settings:changed': readonly EndpointView[];
  /** The app info changed (demo fault switched, notice dismissed, preferences). */
  'app:info': AppInfo;
  /** A menu item, the tray or a notification asks the page to act. */
  'ui:command': { readonly command: UiCommand; readonly id?: string };
}

/** Stable codes of IPC-level failures (domain failures travel in snapshots). */
export const IPC_ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'INVALID_PAYLOAD',
  'INVALID_SETTINGS',
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
  /** Per-field messages ("endpoint.url" → "URL must be …"), for forms. */
  readonly fields?: Readonly<Record<string, string>>;
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
  return error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`).join('; ');
}

/** The first message per field, keyed by dotted path. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  // A Map, then fromEntries: a hostile key such as "__proto__" becomes a plain own property.
  const fields = new Map<string, string>();
  for (const issue of error.issues) {
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths) if (!fields.has(fieldPath(path))) fields.set(fieldPath(path), issue.message);
  }
  return Object.fromEntries(fields);
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join('.') : 'argument';
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
