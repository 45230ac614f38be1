/**
 * The Electron shell, kept thin: lifecycle, the hardened window, and the
 * wiring of the plain-Node core to Electron's IPC. Everything else lives in
 * modules that run (and are tested) without Electron.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, safeStorage, session, shell } from 'electron';
import { createAppCore, type AppCore } from './app-core';
import { pushEvent, registerIpcHandlers } from './ipc/electron-ipc';
import { isSafeExternalUrl, type TrustedOrigin } from './ipc/trusted-sender';
import { OptionsError, parseOptions } from './options';
import { bufferCodec, plainCodec } from './settings/secrets';

const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
const trusted: TrustedOrigin = {
  rendererFileUrl: devServerUrl ? null : pathToFileURL(rendererFile).href,
  devServerUrl,
};

let mainWindow: BrowserWindow | null = null;
let core: AppCore | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 780,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Breakwatch',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererFile);
  return window;
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

async function start(): Promise<void> {
  let options;
  try {
    options = parseOptions(process.argv.slice(1), process.env, { strict: false });
  } catch (error) {
    const message = error instanceof OptionsError ? error.message : String(error);
    dialog.showErrorBox('Breakwatch cannot start', message);
    app.exit(2);
    return;
  }

  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  core = await createAppCore(options, {
    dataDir: options.dataDir ?? app.getPath('userData'),
    version: app.getVersion(),
    locale: app.getLocale(),
    secrets: safeStorage.isEncryptionAvailable() ? bufferCodec(safeStorage) : plainCodec,
  });
  registerIpcHandlers(core.handlers, trusted, (message) => core?.logger.warn(message));
  core.subscribe((event, payload) => pushEvent(mainWindow?.webContents, event, payload));

  mainWindow = createWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  hardenAllContents();
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void core?.dispose();
  });
  void start();
}
