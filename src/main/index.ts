/**
 * The Electron shell, kept thin: lifecycle, the hardened window, tray, menu
 * and notifications, wired to the plain-Node core. Every decision (what the
 * tray shows, when to notify, the menu, window placement) lives in a module
 * tested without Electron; this file only hands their answers to Electron.
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  powerMonitor,
  protocol,
  dialog,
  Menu,
  nativeImage,
  nativeTheme,
  Notification,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
} from 'electron';
import type { UiCommand } from '../shared/channels';
import { languageFor } from '../shared/messages';
import type { BreakerState, MonitorSnapshot } from '../shared/model';
import { translate } from '../shared/messages';
import type { Preferences } from '../shared/settings';
import { createAppCore, type AppCore } from './app-core';
import { buildMenuTemplate, type MenuItemData } from './desktop/menu-template';
import { applyDesktopPreferences } from './desktop/preferences';
import { NotificationPolicy } from './desktop/notification-policy';
import { claimSingleInstance } from './desktop/single-instance';
import { trayIconPath, trayTooltip, worstState, type TrayState } from './desktop/tray-state';
import { fitToDisplays, loadWindowState, saveWindowState } from './desktop/window-state';
import { pushEvent, registerIpcHandlers } from './ipc/electron-ipc';
import { isSafeExternalUrl, type TrustedOrigin } from './ipc/trusted-sender';
import { APP_INDEX_URL, registerAppScheme, serveAppScheme } from './protocol/app-scheme';
import { OptionsError, parseOptions } from './options';
import { bufferCodec, plainCodec } from './settings/secrets';

const rendererRoot = join(import.meta.dirname, '../renderer');
const resources = app.isPackaged
  ? join(process.resourcesPath, 'resources')
  : join(import.meta.dirname, '../../resources');
const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
const trusted: TrustedOrigin = {
  rendererUrl: devServerUrl ? null : APP_INDEX_URL,
  devServerUrl,
};

let mainWindow: BrowserWindow | null = null;
let core: AppCore | null = null;
let tray: Tray | null = null;
let trayState: TrayState | null = null;
let quitting = false;
let closeToTray = true;
const notifications = new NotificationPolicy();
const lastStates = new Map<string, BreakerState>();

const language = () => languageFor(core?.info().locale ?? app.getLocale());
const windowStateFile = () => join(app.getPath('userData'), 'window-state.json');

function sendCommand(command: UiCommand, id?: string): void {
  showWindow();
  pushEvent(mainWindow?.webContents, 'ui:command', id ? { command, id } : { command });
}

function showWindow(): void {
  if (!mainWindow) mainWindow = createWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(): BrowserWindow {
  const saved = fitToDisplays(
    loadWindowState(windowStateFile()),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...saved,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Breakwatch',
    icon: join(resources, 'icon.png'),
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (saved.maximized) window.maximize();
    window.show();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.on('close', (event) => {
    void saveWindowState(windowStateFile(), {
      ...window.getNormalBounds(),
      maximized: window.isMaximized(),
    }).catch(() => undefined);
    // As monitors do: closing the window keeps Breakwatch in the tray.
    if (!quitting && closeToTray && tray) {
      event.preventDefault();
      window.hide();
    }
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? APP_INDEX_URL);
  return window;
}

function applyMenu(): void {
  const template = buildMenuTemplate(
    language(),
    {
      command: (command) => {
        if (command === 'show-logs') void core?.handlers['app:open-logs'](undefined);
        else sendCommand(command);
      },
      about: () => void showAbout(),
      exportDiagnostics: () => void exportDiagnostics(),
    },
    process.platform,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]));
}

async function showAbout(): Promise<void> {
  const versions = {
    ...core?.info().versions,
    electron: process.versions.electron,
    chrome: process.versions.chrome,
  };
  await dialog.showMessageBox({
    type: 'info',
    title: translate(language(), 'menu.about'),
    message: `Breakwatch ${app.getVersion()}`,
    detail: Object.entries(versions)
      .map(([name, version]) => `${name}: ${version}`)
      .join('\n'),
  });
}

async function exportDiagnostics(): Promise<void> {
  const file = await core?.handlers['diagnostics:export'](undefined);
  if (!file) return;
  const { filePath, canceled } = await dialog.showSaveDialog({ defaultPath: file.filename });
  if (!canceled && filePath)
    await import('node:fs/promises').then((fs) => fs.writeFile(filePath, file.content));
}

function createTray(): void {
  try {
    tray = new Tray(nativeImage.createFromPath(trayIconPath(resources, 'closed', process.platform)));
  } catch (error) {
    // Some Linux desktops have no tray: the window is the app then.
    core?.logger.warn(`No system tray (${(error as Error).message}); closing the window will quit`);
    tray = null;
    return;
  }
  tray.on('click', showWindow);
  // Lets the Electron smoke test see the tray; nothing else reads it.
  if (process.env['BREAKWATCH_E2E']) Object.assign(globalThis, { breakwatchTray: tray });
  updateTray();
}

function updateTray(): void {
  if (!tray || !core) return;
  const snapshots = core.snapshots();
  const state = worstState(snapshots);
  if (state !== trayState) {
    tray.setImage(nativeImage.createFromPath(trayIconPath(resources, state, process.platform)));
    trayState = state;
  }
  tray.setToolTip(trayTooltip(snapshots, language(), Date.now()));
  const anyRunning = snapshots.some((s) => !s.paused);
  const t = (key: Parameters<typeof translate>[1]) => translate(language(), key);
  const items: MenuItemData[] = [
    { label: t('tray.show'), click: showWindow },
    { label: t('shortcut.retry-all'), click: () => void core?.handlers['monitor:retry-all'](undefined) },
    {
      label: anyRunning ? t('tray.pauseAll') : t('tray.resumeAll'),
      click: () => void core?.handlers['monitor:pause-all']({ paused: anyRunning }),
    },
    { type: 'separator' },
    { label: t('menu.quit'), click: () => app.quit() },
  ];
  tray.setContextMenu(Menu.buildFromTemplate(items as Electron.MenuItemConstructorOptions[]));
}

function onSnapshot(snapshot: MonitorSnapshot): void {
  const id = snapshot.target.id;
  const from = lastStates.get(id);
  const to = snapshot.breaker.state;
  lastStates.set(id, to);
  if (from === undefined || from === to) return;
  updateTray();
  const endpoint = core?.endpoints().find((e) => e.id === id);
  const enabled = (core?.info().preferences.notifications ?? false) && (endpoint?.notify ?? false);
  const content = notifications.consider(
    { endpointId: id, name: snapshot.target.name, from, to, detail: snapshot.lastError?.detail ?? null },
    enabled && Notification.isSupported(),
    language(),
  );
  if (!content) return;
  const notification = new Notification({
    title: content.title,
    body: content.body,
    icon: join(resources, 'icon.png'),
  });
  notification.on('click', () => sendCommand('open-endpoint', content.endpointId));
  notification.show();
}

function applyPreferences(preferences: Preferences): void {
  ({ closeToTray } = applyDesktopPreferences({ nativeTheme, app }, preferences));
}

async function start(): Promise<void> {
  let options;
  try {
    options = parseOptions(process.argv.slice(1), process.env, { strict: false });
  } catch (error) {
    dialog.showErrorBox(
      'Breakwatch cannot start',
      error instanceof OptionsError ? error.message : String(error),
    );
    app.exit(2);
    return;
  }

  await app.whenReady();
  // The built page comes from app://breakwatch, with its CSP as a header (not file://).
  serveAppScheme(protocol, rendererRoot);
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  core = await createAppCore(options, {
    dataDir: options.dataDir ?? app.getPath('userData'),
    logDir: app.getPath('logs'),
    version: app.getVersion(),
    locale: app.getLocale(),
    host: 'desktop',
    versions: { electron: process.versions.electron, chrome: process.versions.chrome },
    secrets: safeStorage.isEncryptionAvailable() ? bufferCodec(safeStorage) : plainCodec,
    desktop: { openPath: async (path) => void (await shell.openPath(path)), applyPreferences },
  });
  registerIpcHandlers(core.handlers, trusted, (message) => core?.logger.warn(message));
  core.subscribe((event, payload) => {
    pushEvent(mainWindow?.webContents, event, payload);
    if (event === 'monitor:snapshot') onSnapshot(payload as MonitorSnapshot);
    if (event === 'app:info') applyMenu();
  });
  core.snapshots().forEach((s) => lastStates.set(s.target.id, s.breaker.state));

  powerMonitor.on('suspend', () => core?.suspend());
  powerMonitor.on('resume', () => core?.resume());
  applyMenu();
  createTray();
  // Keeps the tray tooltip's countdowns current.
  setInterval(updateTray, 5_000).unref();
  mainWindow = createWindow();
  app.on('activate', showWindow);
}

function hardenAllContents(): void {
  // No page may navigate away, open windows or embed webviews.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

if (claimSingleInstance(app, () => mainWindow, showWindow)) {
  // Both only before `ready`: the scheme's privileges, and the sandbox for
  // every renderer the app may ever create (not only our window).
  registerAppScheme(protocol);
  app.enableSandbox();
  hardenAllContents();
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !tray) app.quit();
  });
  app.on('will-quit', () => {
    void core?.dispose();
  });
  void start();
}
