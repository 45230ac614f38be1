/**
 * The renderer's state: pushed snapshots per endpoint, endpoint settings and
 * app info, what is on screen, and actions that invoke the contract.
 * Components select narrow slices.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BreakwatchApi, Envelope, ExportedFile, InvokeArgument } from '../../shared/contract';
import type { AppInfo, FaultMode, HistoryEvent, MonitorSnapshot } from '../../shared/model';
import type { UiCommand } from '../../shared/channels';
import type { EndpointInput, EndpointView, Preferences } from '../../shared/settings';

export type View =
  | { readonly kind: 'overview' }
  | { readonly kind: 'endpoint'; readonly id: string }
  | { readonly kind: 'form'; readonly id: string | null }
  | { readonly kind: 'settings' };

export type UserAction = InvokeArgument<'monitor:control'>['action'];

/** The result of a form save: field messages when rejected. */
export type SaveResult =
  { ok: true; id: string } | { ok: false; message: string; fields: Record<string, string> };

export interface BreakwatchState {
  readonly info: AppInfo | null;
  readonly endpoints: readonly EndpointView[];
  readonly snapshots: Readonly<Record<string, MonitorSnapshot>>;
  readonly view: View;
  /** The last failed invoke (transport or validation), shown as an alert. */
  readonly ipcError: string | null;
  init(): Promise<void>;
  show(view: View): void;
  retry(id: string): Promise<void>;
  control(id: string, action: UserAction): Promise<void>;
  saveEndpoint(input: EndpointInput): Promise<SaveResult>;
  duplicate(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  setFault(mode: FaultMode): Promise<void>;
  dismissNotice(code: string): Promise<void>;
  exportSettings(): Promise<ExportedFile | null>;
  importSettings(text: string): Promise<string | null>;
  exportHistory(id: string, format: 'csv' | 'json'): Promise<ExportedFile | null>;
  listHistory(query: InvokeArgument<'history:list'>): Promise<readonly HistoryEvent[]>;
  setPreferences(changes: Partial<Preferences>): Promise<void>;
  retryAll(): Promise<void>;
  openLogs(): Promise<void>;
  exportDiagnostics(): Promise<ExportedFile | null>;
  /** Runs a menu / tray / notification / keyboard command. */
  runCommand(command: UiCommand, id?: string): void;
}

export type BreakwatchStore = StoreApi<BreakwatchState>;

export function createBreakwatchStore(api: BreakwatchApi): BreakwatchStore {
  return createStore<BreakwatchState>()((set, get) => {
    const isNewer = (snapshot: MonitorSnapshot, current: MonitorSnapshot | undefined) =>
      !current || snapshot.seq >= current.seq || current.target.url !== snapshot.target.url;
    /** Keeps the newest snapshot: pushes and invoke results may arrive in any order. */
    const acceptSnapshot = (snapshot: MonitorSnapshot) => {
      if (!isNewer(snapshot, get().snapshots[snapshot.target.id])) return;
      set({ snapshots: { ...get().snapshots, [snapshot.target.id]: snapshot } });
    };
    // Pushed snapshots are applied in batches, one per frame (16 ms): with a
    // hundred endpoints they arrive dozens per second, and one render per
    // batch keeps frames smooth. Answers to the user's own actions are applied at once.
    let pending = new Map<string, MonitorSnapshot>();
    let flushTimer: ReturnType<typeof setTimeout> | undefined;
    let lastFlush = 0;
    const flushPushed = () => {
      flushTimer = undefined;
      lastFlush = performance.now();
      const batch = pending;
      pending = new Map();
      const snapshots = { ...get().snapshots };
      for (const [id, snapshot] of batch) if (isNewer(snapshot, snapshots[id])) snapshots[id] = snapshot;
      set({ snapshots });
    };
    const acceptPushed = (snapshot: MonitorSnapshot) => {
      pending.set(snapshot.target.id, snapshot);
      if (flushTimer) return;
      // Leading edge: a lone change shows at once; a burst waits for the next frame.
      const sinceLast = performance.now() - lastFlush;
      if (sinceLast >= 16) flushPushed();
      else flushTimer = setTimeout(flushPushed, 16 - sinceLast);
    };
    const unwrap = <T>(envelope: Envelope<T>): T | null => {
      if (envelope.ok) {
        if (get().ipcError) set({ ipcError: null });
        return envelope.value;
      }
      set({ ipcError: `${envelope.error.code}: ${envelope.error.message}` });
      return null;
    };
    const acceptEndpoints = (endpoints: readonly EndpointView[]) => {
      const ids = new Set(endpoints.map((e) => e.id));
      const snapshots = Object.fromEntries(Object.entries(get().snapshots).filter(([id]) => ids.has(id)));
      const view = get().view;
      const gone = (view.kind === 'endpoint' || (view.kind === 'form' && view.id)) && !ids.has(view.id!);
      set({ endpoints, snapshots, ...(gone ? { view: { kind: 'overview' } as View } : {}) });
    };

    return {
      info: null,
      endpoints: [],
      snapshots: {},
      view: { kind: 'overview' },
      ipcError: null,
      async init() {
        api.on('monitor:snapshot', acceptPushed);
        api.on('monitor:removed', ({ id }) => {
          pending.delete(id);
          const { [id]: _removed, ...rest } = get().snapshots;
          set({ snapshots: rest });
        });
        api.on('settings:changed', acceptEndpoints);
        api.on('app:info', (info) => set({ info }));
        api.on('ui:command', ({ command, id }) => get().runCommand(command, id));
        const info = unwrap(await api.invoke('app:get-info'));
        if (info)
          set({
            info,
            view: info.initialEndpointId ? { kind: 'endpoint', id: info.initialEndpointId } : get().view,
          });
        const endpoints = unwrap(await api.invoke('settings:get'));
        if (endpoints) acceptEndpoints(endpoints);
        const snapshots = unwrap(await api.invoke('monitor:list'));
        snapshots?.forEach(acceptSnapshot);
      },
      show(view) {
        set({ view });
      },
      async retry(id) {
        const snapshot = unwrap(await api.invoke('monitor:retry', { id }));
        if (snapshot) acceptSnapshot(snapshot);
      },
      async control(id, action) {
        const snapshot = unwrap(await api.invoke('monitor:control', { id, action }));
        if (snapshot) acceptSnapshot(snapshot);
      },
      async saveEndpoint(input) {
        const result = await api.invoke('endpoint:save', { endpoint: input });
        if (!result.ok) {
          const fields: Record<string, string> = {};
          for (const [path, message] of Object.entries(result.error.fields ?? {})) {
            fields[path.replace(/^endpoint\./, '')] = message;
          }
          return { ok: false, message: result.error.message, fields };
        }
        acceptEndpoints(result.value.endpoints);
        set({ view: { kind: 'endpoint', id: result.value.id } });
        return { ok: true, id: result.value.id };
      },
      async duplicate(id) {
        const saved = unwrap(await api.invoke('endpoint:duplicate', { id }));
        if (saved) {
          acceptEndpoints(saved.endpoints);
          set({ view: { kind: 'form', id: saved.id } });
        }
      },
      async remove(id) {
        const endpoints = unwrap(await api.invoke('endpoint:remove', { id }));
        if (endpoints) {
          acceptEndpoints(endpoints);
          set({ view: { kind: 'overview' } });
        }
      },
      async setFault(mode) {
        // Show the choice at once (a radio must not snap back while the
        // demo restarts its listener); the answer or a failure corrects it.
        const before = get().info;
        if (before) set({ info: { ...before, demoFault: mode } });
        const info = unwrap(await api.invoke('demo:set-fault', { mode }));
        if (info) set({ info });
        else if (before) set({ info: before });
      },
      async dismissNotice(code) {
        const info = unwrap(await api.invoke('notice:dismiss', { code }));
        if (info) set({ info });
      },
      async exportSettings() {
        return unwrap(await api.invoke('settings:export'));
      },
      async importSettings(text) {
        const result = await api.invoke('settings:import', { text });
        if (result.ok) {
          acceptEndpoints(result.value);
          return null;
        }
        return result.error.message;
      },
      async exportHistory(id, format) {
        return unwrap(await api.invoke('history:export', { id, format }));
      },
      async listHistory(query) {
        return unwrap(await api.invoke('history:list', query)) ?? [];
      },
      async setPreferences(changes) {
        const info = unwrap(await api.invoke('preferences:set', changes));
        if (info) set({ info });
      },
      async retryAll() {
        unwrap(await api.invoke('monitor:retry-all'))?.forEach(acceptSnapshot);
      },
      async openLogs() {
        const result = unwrap(await api.invoke('app:open-logs'));
        // Without a file manager to open (browser host), show where they are.
        if (result && !result.opened) set({ view: { kind: 'settings' } });
      },
      async exportDiagnostics() {
        return unwrap(await api.invoke('diagnostics:export'));
      },
      runCommand(command, id) {
        const { view, info } = get();
        switch (command) {
          case 'retry-selected':
            if (view.kind === 'endpoint') void get().retry(view.id);
            break;
          case 'retry-all':
            void get().retryAll();
            break;
          case 'add-endpoint':
            set({ view: { kind: 'form', id: null } });
            break;
          case 'settings':
            set({ view: { kind: 'settings' } });
            break;
          case 'toggle-theme': {
            const dark =
              info?.preferences.theme === 'dark' ||
              (info?.preferences.theme !== 'light' &&
                window.matchMedia?.('(prefers-color-scheme: dark)').matches);
            void get().setPreferences({ theme: dark ? 'light' : 'dark' });
            break;
          }
          case 'show-logs':
            void get().openLogs();
            break;
          case 'open-endpoint':
            if (id && get().snapshots[id]) set({ view: { kind: 'endpoint', id } });
            break;
        }
      },
    };
  });
}

const StoreContext = createContext<BreakwatchStore | null>(null);

export function StoreProvider({ store, children }: { store: BreakwatchStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** Selects a slice of the store; re-renders only when that slice changes. */
export function useBreakwatch<T>(selector: (state: BreakwatchState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useBreakwatch needs a <StoreProvider>');
  return useStore(store, selector);
}

/** The snapshot of one endpoint (throws if it is not known yet). */
export function useSnapshot<T>(id: string, selector: (snapshot: MonitorSnapshot) => T): T {
  return useBreakwatch((state) => selector(state.snapshots[id]!));
}

/** Offers `file` as a download (text only; nothing is opened or rendered). */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
