/**
 * The Electron shell (src/main/index.ts) run in plain Node against a fake
 * `electron` module, with the real core behind it. No Electron binary can be
 * downloaded here, so this is where its wiring is checked: what happens
 * before `ready` (scheme privileges, app-wide sandbox) and after (the app://
 * handler, the hardened window loading app://breakwatch, denied permissions,
 * navigation and windows, IPC only from our page).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../src/shared/contract';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  /** Notable calls in order, to check what ran before `ready`. */
  const calls: string[] = [];
  const listeners = (map: Map<string, Listener[]>) => (event: string, listener: Listener) => {
    map.set(event, [...(map.get(event) ?? []), listener]);
  };
  const appListeners = new Map<string, Listener[]>();
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const state = { dataDir: '' };

  const app = {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    enableSandbox: () => calls.push('app.enableSandbox'),
    whenReady: () => ready,
    on: (event: string, listener: Listener) => {
      listeners(appListeners)(event, listener);
      return app;
    },
    getPath: (name: string) => `${state.dataDir}/${name}`,
    getVersion: () => '0.0.0-test',
    getLocale: () => 'en-US',
    setLoginItemSettings: () => undefined,
    quit: () => calls.push('app.quit'),
    exit: (code: number) => calls.push(`app.exit(${code})`),
  };

  class FakeWebContents {
    readonly handlers = new Map<string, Listener[]>();
    openHandler: Listener | null = null;
    readonly sent: string[] = [];
    on(event: string, listener: Listener) {
      listeners(this.handlers)(event, listener);
      return this;
    }
    setWindowOpenHandler(handler: Listener) {
      this.openHandler = handler;
    }
    isDestroyed() {
      return false;
    }
    send(channel: string) {
      this.sent.push(channel);
    }
  }

  class BrowserWindow {
    static readonly instances: BrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly loaded: string[] = [];
    constructor(readonly options: Record<string, unknown>) {
      BrowserWindow.instances.push(this);
    }
    loadURL(url: string) {
      calls.push(`loadURL ${url}`);
      this.loaded.push(url);
      return Promise.resolve();
    }
    once() {}
    on() {}
    show() {}
    hide() {}
    focus() {}
    restore() {}
    maximize() {}
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1100, height: 760 };
    }
  }

  const ipcHandlers = new Map<string, Listener>();
  const permission = { request: null as Listener | null, check: null as Listener | null };
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();

  return {
    calls,
    state,
    appListeners,
    markReady: () => {
      calls.push('ready');
      markReady();
    },
    ipcHandlers,
    permission,
    protocolHandlers,
    opened: [] as string[],
    module: {
      app,
      BrowserWindow,
      protocol: {
        registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
          calls.push(`registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join()}`),
        handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
          calls.push(`protocol.handle ${scheme}`);
          protocolHandlers.set(scheme, handler);
        },
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: (handler: Listener) => (permission.request = handler),
          setPermissionCheckHandler: (handler: Listener) => (permission.check = handler),
        },
      },
      ipcMain: {
        handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler),
        removeHandler: (channel: string) => ipcHandlers.delete(channel),
      },
      Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: () => undefined },
      Tray: class {
        on() {}
        setImage() {}
        setToolTip() {}
        setContextMenu() {}
        isDestroyed() {
          return false;
        }
      },
      nativeImage: { createFromPath: (path: string) => ({ path }) },
      nativeTheme: { themeSource: 'system', shouldUseDarkColors: false, on: () => undefined },
      Notification: class {
        static isSupported() {
          return false;
        }
      },
      safeStorage: { isEncryptionAvailable: () => false },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      powerMonitor: { on: () => undefined },
      shell: {
        openExternal: (url: string) => {
          fake.opened.push(url);
          return Promise.resolve();
        },
        openPath: () => Promise.resolve(''),
      },
      dialog: {
        showErrorBox: (title: string) => calls.push(`showErrorBox ${title}`),
        showMessageBox: () => Promise.resolve({ response: 0 }),
        showSaveDialog: () => Promise.resolve({ canceled: true }),
      },
    },
  };
});
vi.mock('electron', () => fake.module);

const BrowserWindow = fake.module.BrowserWindow;
const argv = process.argv;

beforeAll(async () => {
  fake.state.dataDir = mkdtempSync(join(tmpdir(), 'bw-shell-'));
  process.argv = [process.execPath, 'out/main/index.js', '--interval', '0', '--data-dir', fake.state.dataDir];
  await import('../../src/main/index');
});
afterAll(async () => {
  process.argv = argv;
  for (const listener of fake.appListeners.get('will-quit') ?? []) listener();
  await new Promise((resolve) => setTimeout(resolve, 100)); // the core's dispose closes the demo server
});

describe('the Electron shell', () => {
  it('grants the scheme its privileges and sandboxes every renderer before ready, and serves nothing yet', () => {
    expect(fake.calls).toEqual(['registerSchemesAsPrivileged app', 'app.enableSandbox']);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('after ready, answers app:// and opens one hardened window on app://breakwatch/index.html', async () => {
    fake.markReady();
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1), { timeout: 10_000 });
    const handled = fake.calls.indexOf('protocol.handle app');
    expect(handled).toBeGreaterThan(fake.calls.indexOf('ready'));
    expect(fake.calls.indexOf('loadURL app://breakwatch/index.html')).toBeGreaterThan(handled);

    const window = BrowserWindow.instances[0]!;
    expect(window.loaded).toEqual(['app://breakwatch/index.html']);
    expect(window.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String((window.options['webPreferences'] as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    );

    // The handler Electron got serves the page with the CSP header.
    const page = await fake.protocolHandlers.get('app')!(new Request('app://breakwatch/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(await page.text()).toContain('<div id="root">');
  });

  it('denies every permission request and check', () => {
    const answer = vi.fn();
    fake.permission.request!({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(fake.permission.check!({}, 'notifications')).toBe(false);
  });

  it('stops navigation, redirects, webviews and new windows in every web contents', () => {
    const contents = new (class {
      readonly handlers = new Map<string, Listener>();
      openHandler: Listener | null = null;
      on(event: string, listener: Listener) {
        this.handlers.set(event, listener);
      }
      setWindowOpenHandler(handler: Listener) {
        this.openHandler = handler;
      }
    })();
    for (const listener of fake.appListeners.get('web-contents-created') ?? []) listener({}, contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.handlers.get(event)!({ preventDefault });
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(contents.openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('opens only plain http(s) links from the window, in the system browser', () => {
    const open = BrowserWindow.instances[0]!.webContents.openHandler!;
    expect(open({ url: 'https://aws.amazon.com/lambda/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://aws.amazon.com/lambda/']);
  });

  it('answers every contract channel, but only for our page', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    const invoke = fake.ipcHandlers.get('app:get-info')!;
    const from = (url: string) => ({ senderFrame: { url, parent: null } });
    await expect(invoke(from('app://breakwatch/index.html'), undefined)).resolves.toMatchObject({
      ok: true,
      value: { version: '0.0.0-test' },
    });
    for (const url of ['file:///tmp/evil.html', 'https://evil.example/', 'app://breakwatch/other.html']) {
      expect(await invoke(from(url), undefined), url).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_SENDER' },
      });
    }
  });
});
