/**
 * Applies app preferences to the desktop shell. Electron's objects are passed
 * in (this module does not import Electron), so it is tested with fakes.
 */
import type { Preferences } from '../../shared/settings';

export interface DesktopShell {
  readonly nativeTheme: { themeSource: 'system' | 'light' | 'dark' };
  readonly app: {
    readonly isPackaged: boolean;
    setLoginItemSettings(settings: { openAtLogin: boolean }): void;
  };
}

/** Returns whether closing the window should keep the app in the tray. */
export function applyDesktopPreferences(
  shell: DesktopShell,
  preferences: Preferences,
): { closeToTray: boolean } {
  // nativeTheme drives prefers-color-scheme in the page, so CSS follows it.
  shell.nativeTheme.themeSource = preferences.theme;
  // Registering a dev build (node_modules/electron) as a login item would start the wrong thing.
  if (shell.app.isPackaged) shell.app.setLoginItemSettings({ openAtLogin: preferences.startAtLogin });
  return { closeToTray: preferences.closeToTray };
}
