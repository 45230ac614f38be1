/**
 * Page-wide behaviour: keyboard shortcuts (the same list the menu shows) and
 * the chosen theme on <html>.
 */
import { useEffect } from 'react';
import { matchesAccelerator, SHORTCUTS } from '../../../shared/shortcuts';
import { useBreakwatch } from '../store';

export const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

export function useShortcuts(): void {
  const runCommand = useBreakwatch((s) => s.runCommand);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = SHORTCUTS.find((s) => matchesAccelerator(event, s.accelerator, isMac));
      if (!shortcut) return;
      event.preventDefault();
      runCommand(shortcut.command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runCommand]);
}

export function useTheme(): void {
  const theme = useBreakwatch((s) => s.info?.preferences.theme ?? 'system');
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset['theme'];
    else document.documentElement.dataset['theme'] = theme;
  }, [theme]);
}
