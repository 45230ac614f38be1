/**
 * The renderer's state: the latest pushed snapshot and app info, plus
 * actions that invoke the contract. Components select narrow slices.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BreakwatchApi, Envelope } from '../../shared/contract';
import type { AppInfo, FaultMode, MonitorSnapshot } from '../../shared/model';

export interface BreakwatchState {
  readonly info: AppInfo | null;
  readonly snapshot: MonitorSnapshot | null;
  /** The last failed invoke (transport or validation), shown as an alert. */
  readonly ipcError: string | null;
  init(): Promise<void>;
  retry(): Promise<void>;
  selectTarget(targetId: string): Promise<void>;
  setFault(mode: FaultMode): Promise<void>;
}

export type BreakwatchStore = StoreApi<BreakwatchState>;

export function createBreakwatchStore(api: BreakwatchApi): BreakwatchStore {
  return createStore<BreakwatchState>()((set, get) => {
    /** Keeps the newest snapshot: pushes and invoke results may arrive in any order. */
    const acceptSnapshot = (snapshot: MonitorSnapshot) => {
      const current = get().snapshot;
      const sameTarget = current?.target.id === snapshot.target.id;
      if (!current || !sameTarget || snapshot.seq >= current.seq) set({ snapshot });
    };
    const unwrap = <T>(envelope: Envelope<T>): T | null => {
      if (envelope.ok) {
        if (get().ipcError) set({ ipcError: null });
        return envelope.value;
      }
      set({ ipcError: `${envelope.error.code}: ${envelope.error.message}` });
      return null;
    };

    return {
      info: null,
      snapshot: null,
      ipcError: null,
      async init() {
        api.on('monitor:snapshot', acceptSnapshot);
        api.on('app:info', (info) => set({ info }));
        const info = unwrap(await api.invoke('app:get-info'));
        if (info) set({ info });
        const snapshot = unwrap(await api.invoke('monitor:get-snapshot'));
        if (snapshot) acceptSnapshot(snapshot);
      },
      async retry() {
        const snapshot = unwrap(await api.invoke('monitor:retry'));
        if (snapshot) acceptSnapshot(snapshot);
      },
      async selectTarget(targetId) {
        const snapshot = unwrap(await api.invoke('monitor:select-target', { targetId }));
        if (snapshot) set({ snapshot });
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
