/**
 * Channel names only, without schemas, so the sandboxed preload can check a
 * channel without bundling zod. `contract.ts` proves its tables match these.
 */

export const INVOKE_CHANNELS = [
  'app:get-info',
  'settings:get',
  'monitor:list',
  'monitor:retry',
  'monitor:control',
  'endpoint:save',
  'endpoint:duplicate',
  'endpoint:remove',
  'history:list',
  'history:export',
  'settings:export',
  'settings:import',
  'demo:set-fault',
  'notice:dismiss',
  'preferences:set',
  'monitor:retry-all',
  'monitor:pause-all',
  'diagnostics:export',
  'app:open-logs',
] as const;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

export const EVENT_CHANNELS = [
  'monitor:snapshot',
  'monitor:removed',
  'settings:changed',
  'app:info',
  'ui:command',
] as const;
export type EventChannel = (typeof EVENT_CHANNELS)[number];

/** Whether `value` is one of `list`'s literals (narrowing it to them). */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return isOneOf(INVOKE_CHANNELS, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return isOneOf(EVENT_CHANNELS, value);
}

/** Manual controls of one endpoint. */
export const USER_ACTIONS = ['probe', 'reset', 'hold', 'release', 'pause', 'resume'] as const;
/** What the menu, the tray or a notification asks the page to do. */
export const UI_COMMANDS = [
  'retry-selected',
  'retry-all',
  'add-endpoint',
  'settings',
  'toggle-theme',
  'show-logs',
  'open-endpoint',
] as const;
export type UiCommand = (typeof UI_COMMANDS)[number];

/** Event types of the history. */
export const HISTORY_TYPES = ['call', 'transition', 'action'] as const;
