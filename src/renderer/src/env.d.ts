import type { BreakwatchApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Built by the preload (Electron) or the browser bridge (host). */
    readonly breakwatch: BreakwatchApi;
  }
}

export {};
