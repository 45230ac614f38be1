/**
 * Keyboard shortcuts: one list for the application menu (which shows them)
 * and the page (which handles them, in the desktop app and in a browser).
 */
import type { UiCommand } from './channels';
import type { MessageKey } from './messages';

export interface Shortcut {
  readonly command: Exclude<UiCommand, 'open-endpoint'>;
  /** Electron accelerator syntax. */
  readonly accelerator: string;
  readonly label: MessageKey;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'retry-selected', accelerator: 'CmdOrCtrl+R', label: 'shortcut.retry-selected' },
  { command: 'retry-all', accelerator: 'CmdOrCtrl+Shift+R', label: 'shortcut.retry-all' },
  { command: 'add-endpoint', accelerator: 'CmdOrCtrl+N', label: 'shortcut.add-endpoint' },
  { command: 'settings', accelerator: 'CmdOrCtrl+,', label: 'shortcut.settings' },
  { command: 'toggle-theme', accelerator: 'CmdOrCtrl+Shift+L', label: 'shortcut.toggle-theme' },
  { command: 'show-logs', accelerator: 'CmdOrCtrl+Shift+O', label: 'shortcut.show-logs' },
];

interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Whether a keyboard event matches an accelerator (CmdOrCtrl = ⌘ on macOS, Ctrl elsewhere). */
export function matchesAccelerator(event: KeyLike, accelerator: string, isMac: boolean): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!.toLowerCase();
  const wantsShift = parts.includes('Shift');
  const wantsPrimary = parts.includes('CmdOrCtrl');
  const primary = isMac ? event.metaKey : event.ctrlKey;
  const other = isMac ? event.ctrlKey : event.metaKey;
  return (
    event.key.toLowerCase() === key &&
    primary === wantsPrimary &&
    event.shiftKey === wantsShift &&
    !event.altKey &&
    !other
  );
}

/** How an accelerator reads on this platform: ⌘⇧R on macOS, Ctrl+Shift+R elsewhere. */
export function displayAccelerator(accelerator: string, isMac: boolean): string {
  if (!isMac) return accelerator.replace('CmdOrCtrl', 'Ctrl');
  return accelerator.replace('CmdOrCtrl+', '⌘').replace('Shift+', '⇧').replace(/\+/g, '');
}
