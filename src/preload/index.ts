/**
 * The sandboxed preload: exposes the contract-built API as `window.breakwatch`.
 * Bundled into one CommonJS file that requires only `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './api';

contextBridge.exposeInMainWorld('breakwatch', buildApi(ipcRenderer));
