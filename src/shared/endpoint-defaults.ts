/**
 * Defaults of a new endpoint, without zod, so the renderer's form can use
 * them without bundling the schema library.
 */
import { FAILURE_CATEGORIES } from './model';
import type { EndpointConfig, Preferences } from './settings';

/** Field defaults of a new endpoint: the tutorial's breaker. */
export const ENDPOINT_DEFAULTS: Omit<EndpointConfig, 'id' | 'name' | 'kind' | 'url'> = {
  method: 'GET',
  body: '',
  headers: [],
  failureThreshold: 2,
  recoveryTimeoutS: 10,
  requestTimeoutS: 5,
  intervalS: 15,
  countedFailures: [...FAILURE_CATEGORIES],
  respectRetryAfter: true,
  backoff: false,
  backoffMaxS: 300,
  paused: false,
  notify: true,
};

export const DEFAULT_PREFERENCES: Preferences = {
  notifications: true,
  closeToTray: true,
  startAtLogin: false,
  theme: 'system',
  language: 'system',
};
