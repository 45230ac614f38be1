/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions
 * shape), so it is tested without Electron. Shortcut items show their
 * accelerator but do not register it (`registerAccelerator: false`): the
 * page handles the keys itself, the same way in the desktop app and in a
 * browser, so nothing fires twice.
 */
import type { UiCommand } from '../../shared/channels';
import { translate, type Language } from '../../shared/messages';
import { SHORTCUTS } from '../../shared/shortcuts';

export interface MenuItemData {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  registerAccelerator?: boolean;
  submenu?: MenuItemData[];
  click?: () => void;
}

export interface MenuActions {
  command(command: UiCommand): void;
  about(): void;
  exportDiagnostics(): void;
}

export function buildMenuTemplate(
  language: Language,
  actions: MenuActions,
  platform: NodeJS.Platform,
): MenuItemData[] {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const shortcut = (command: UiCommand): MenuItemData => {
    const entry = SHORTCUTS.find((s) => s.command === command)!;
    return {
      label: t(entry.label),
      accelerator: entry.accelerator,
      registerAccelerator: false,
      click: () => actions.command(command),
    };
  };
  const separator: MenuItemData = { type: 'separator' };
  const about: MenuItemData = { label: t('menu.about'), click: actions.about };
  return [
    ...(platform === 'darwin'
      ? [
          {
            label: 'Breakwatch',
            submenu: [
              about,
              separator,
              shortcut('settings'),
              separator,
              { role: 'quit', label: t('menu.quit') },
            ],
          },
        ]
      : []),
    {
      label: t('menu.file'),
      submenu: [
        shortcut('add-endpoint'),
        ...(platform === 'darwin' ? [] : [shortcut('settings')]),
        separator,
        shortcut('show-logs'),
        { label: t('menu.exportDiagnostics'), click: actions.exportDiagnostics },
        ...(platform === 'darwin' ? [] : [separator, { role: 'quit', label: t('menu.quit') }]),
      ],
    },
    { label: t('menu.edit'), role: 'editMenu' },
    { label: t('menu.endpoint'), submenu: [shortcut('retry-selected'), shortcut('retry-all')] },
    {
      label: t('menu.view'),
      submenu: [
        shortcut('toggle-theme'),
        separator,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: t('menu.help'),
      submenu:
        platform === 'darwin'
          ? [{ label: t('menu.exportDiagnostics'), click: actions.exportDiagnostics }]
          : [about],
    },
  ];
}
