import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuItemData } from '../../src/main/desktop/menu-template';
import { applyDesktopPreferences } from '../../src/main/desktop/preferences';
import { DEFAULT_PREFERENCES } from '../../src/shared/settings';
import { GLOBAL, NotificationPolicy, PER_ENDPOINT } from '../../src/main/desktop/notification-policy';
import { claimSingleInstance } from '../../src/main/desktop/single-instance';
import { trayIconPath, trayTooltip, worstState } from '../../src/main/desktop/tray-state';
import { DEFAULT_WINDOW, fitToDisplays } from '../../src/main/desktop/window-state';
import type { BreakerState, MonitorSnapshot } from '../../src/shared/model';
import { displayAccelerator, matchesAccelerator, SHORTCUTS } from '../../src/shared/shortcuts';

const snap = (name: string, state: BreakerState, openUntil: number | null = null) =>
  ({
    target: { id: name, name, url: 'http://x', isDemo: false },
    breaker: { state, openUntil },
  }) as unknown as MonitorSnapshot;

describe('tray state', () => {
  it('shows the worst state: open > held open > half-open > closed', () => {
    expect(worstState([])).toBe('idle');
    expect(worstState([snap('a', 'closed')])).toBe('closed');
    expect(worstState([snap('a', 'closed'), snap('b', 'half-open')])).toBe('half-open');
    expect(worstState([snap('a', 'held-open'), snap('b', 'half-open')])).toBe('held-open');
    expect(worstState([snap('a', 'held-open'), snap('b', 'open'), snap('c', 'closed')])).toBe('open');
  });

  it('uses template images on macOS and coloured icons elsewhere', () => {
    expect(trayIconPath('/r', 'open', 'darwin')).toBe('/r/tray/openTemplate.png');
    expect(trayIconPath('/r', 'half-open', 'linux')).toBe('/r/tray/half-open.png');
    expect(trayIconPath('/r', 'idle', 'win32')).toBe('/r/tray/closed.png');
  });

  it('summarises endpoints in the tooltip, with countdowns, within 127 characters', () => {
    const now = 1_000_000;
    const tip = trayTooltip(
      [snap('Orders', 'open', now + 9_500), snap('Users', 'closed'), snap('Stock', 'closed')],
      'en',
      now,
    );
    expect(tip).toBe('Breakwatch — 1 open, 2 closed\nOrders: Open (10 s)');
    expect(trayTooltip([snap('Pedidos', 'half-open')], 'es', now)).toBe(
      'Breakwatch — 1 semiabierto\nPedidos: Semiabierto',
    );
    const many = Array.from({ length: 30 }, (_, i) => snap(`Endpoint ${i}`, 'open', now + 5_000));
    expect(trayTooltip(many, 'en', now).length).toBeLessThanOrEqual(127);
  });
});

describe('notification policy', () => {
  const change = (to: BreakerState, from: BreakerState, id = 'orders') => ({
    endpointId: id,
    name: 'Orders',
    from,
    to,
    detail: 'HTTP 503 Service Unavailable',
  });

  it('notifies on open (with the error) and on recovery, not on half-open', () => {
    const policy = new NotificationPolicy(() => 0);
    expect(policy.consider(change('open', 'closed'), true, 'en')).toEqual({
      endpointId: 'orders',
      title: 'Breaker open: Orders',
      body: 'HTTP 503 Service Unavailable',
    });
    expect(policy.consider(change('half-open', 'open'), true, 'en')).toBeNull();
    expect(policy.consider(change('closed', 'half-open'), true, 'es')?.title).toBe('Recuperado: Orders');
  });

  it('respects the switches', () => {
    const policy = new NotificationPolicy(() => 0);
    expect(policy.consider(change('open', 'closed'), false, 'en')).toBeNull();
  });

  it('bounds a notification storm: an endpoint flapping every second for a minute', () => {
    let now = 0;
    const policy = new NotificationPolicy(() => now);
    const shown: string[] = [];
    for (let second = 0; second < 60; second += 1) {
      now = second * 1000;
      const to: BreakerState = second % 2 === 0 ? 'open' : 'closed';
      const n = policy.consider(change(to, to === 'open' ? 'closed' : 'open'), true, 'en');
      if (n) shown.push(n.body);
    }
    expect(shown.length).toBeLessThanOrEqual(PER_ENDPOINT.capacity + 1);
    // The next one says how many were held back.
    now = 120_000;
    expect(policy.consider(change('open', 'closed'), true, 'en')?.body).toMatch(
      /\d+ more changes were not shown\./,
    );
  });

  it('bounds all endpoints together too', () => {
    let now = 0;
    const policy = new NotificationPolicy(() => now);
    let shown = 0;
    for (let second = 0; second < 60; second += 1) {
      now = second * 1000;
      for (let e = 0; e < 20; e += 1) {
        const to: BreakerState = second % 2 === 0 ? 'open' : 'closed';
        if (policy.consider(change(to, to === 'open' ? 'closed' : 'open', `e${e}`), true, 'en')) shown += 1;
      }
    }
    expect(shown).toBeLessThanOrEqual(GLOBAL.capacity + 60_000 / GLOBAL.refillMs);
  });
});

describe('application menu', () => {
  const flatten = (items: MenuItemData[]): MenuItemData[] =>
    items.flatMap((i) => [i, ...flatten(i.submenu ?? [])]);
  const actions = { command: vi.fn(), about: vi.fn(), exportDiagnostics: vi.fn() };

  it.each(['linux', 'win32', 'darwin'] as const)(
    'shows every shortcut with its accelerator on %s',
    (platform) => {
      const items = flatten(buildMenuTemplate('en', actions, platform));
      for (const shortcut of SHORTCUTS) {
        const item = items.find((i) => i.accelerator === shortcut.accelerator);
        expect(item, shortcut.command).toBeDefined();
        // The page handles the keys; the menu only shows them.
        expect(item!.registerAccelerator).toBe(false);
        item!.click!();
        expect(actions.command).toHaveBeenLastCalledWith(shortcut.command);
      }
      const accelerators = items.map((i) => i.accelerator).filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
      expect(items.some((i) => i.label === 'About Breakwatch')).toBe(true);
    },
  );

  it('is translated', () => {
    const labels = flatten(buildMenuTemplate('es', actions, 'linux')).map((i) => i.label);
    expect(labels).toContain('Reintentar todos los endpoints');
    expect(labels).toContain('Salir de Breakwatch');
  });
});

describe('keyboard shortcuts', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
  ) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('matches CmdOrCtrl as Ctrl elsewhere and ⌘ on macOS', () => {
    expect(matchesAccelerator(key('r', { ctrlKey: true }), 'CmdOrCtrl+R', false)).toBe(true);
    expect(matchesAccelerator(key('R', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+R', false)).toBe(false);
    expect(matchesAccelerator(key('R', { ctrlKey: true, shiftKey: true }), 'CmdOrCtrl+Shift+R', false)).toBe(
      true,
    );
    expect(matchesAccelerator(key('r', { metaKey: true }), 'CmdOrCtrl+R', true)).toBe(true);
    expect(matchesAccelerator(key('r', { ctrlKey: true }), 'CmdOrCtrl+R', true)).toBe(false);
    expect(matchesAccelerator(key(',', { ctrlKey: true }), 'CmdOrCtrl+,', false)).toBe(true);
    expect(displayAccelerator('CmdOrCtrl+Shift+R', true)).toBe('⌘⇧R');
    expect(displayAccelerator('CmdOrCtrl+Shift+R', false)).toBe('Ctrl+Shift+R');
  });
});

describe('single instance', () => {
  const fakeApp = (locked: boolean) => {
    const listeners: Record<string, () => void> = {};
    return {
      requestSingleInstanceLock: () => locked,
      quit: vi.fn(),
      on: (event: string, listener: () => void) => (listeners[event] = listener),
      secondLaunch: () => listeners['second-instance']!(),
    };
  };
  const fakeWindow = (minimized: boolean) => ({
    isMinimized: () => minimized,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  });

  it('quits a second instance', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app, () => null, vi.fn())).toBe(false);
    expect(app.quit).toHaveBeenCalled();
  });

  it('a second launch restores and focuses the first window, or creates one', () => {
    const app = fakeApp(true);
    const window = fakeWindow(true);
    const create = vi.fn();
    let current: ReturnType<typeof fakeWindow> | null = window;
    expect(claimSingleInstance(app, () => current, create)).toBe(true);
    app.secondLaunch();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    current = null;
    app.secondLaunch();
    expect(create).toHaveBeenCalled();
  });
});

describe('window placement', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };
  it('restores a saved place that is on a display', () => {
    expect(fitToDisplays({ x: 100, y: 80, width: 1000, height: 700, maximized: false }, [display])).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
  it('drops a place on a display that is gone, and enforces the minimum size', () => {
    expect(fitToDisplays({ x: 3000, y: 100, width: 300, height: 200, maximized: true }, [display])).toEqual({
      width: 720,
      height: 520,
      maximized: true,
    });
    expect(fitToDisplays(DEFAULT_WINDOW, [display])).toEqual(DEFAULT_WINDOW);
  });
});

describe('desktop preferences', () => {
  const shell = (isPackaged: boolean) => ({
    nativeTheme: { themeSource: 'system' as 'system' | 'light' | 'dark' },
    app: { isPackaged, setLoginItemSettings: vi.fn() },
  });

  it('switches the theme through nativeTheme and registers the login item when packaged', () => {
    const packaged = shell(true);
    const result = applyDesktopPreferences(packaged, {
      ...DEFAULT_PREFERENCES,
      theme: 'dark',
      startAtLogin: true,
      closeToTray: false,
    });
    expect(packaged.nativeTheme.themeSource).toBe('dark');
    expect(packaged.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    expect(result).toEqual({ closeToTray: false });
    applyDesktopPreferences(packaged, { ...DEFAULT_PREFERENCES, theme: 'system' });
    expect(packaged.nativeTheme.themeSource).toBe('system');
  });

  it('never registers a development build to start at login', () => {
    const dev = shell(false);
    applyDesktopPreferences(dev, { ...DEFAULT_PREFERENCES, startAtLogin: true });
    expect(dev.app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});
