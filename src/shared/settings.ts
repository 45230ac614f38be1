/**
 * The one versioned schema for everything Breakwatch persists as settings,
 * and the input schema of the endpoint form. Validation messages name the
 * problem; the main process uses these to reject bad input whole.
 */
import { z } from 'zod';
import { FAILURE_CATEGORIES } from './model';

export { DEFAULT_PREFERENCES, ENDPOINT_DEFAULTS } from './endpoint-defaults';

export const SETTINGS_VERSION = 3;
export const MAX_ENDPOINTS = 200;
const MAX_BODY_CHARS = 64 * 1024;

/** RFC 7230 token: the characters a header name may have. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const seconds = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .finite(`${label} must be a number`)
    .min(min, `${label} must be at least ${min} s`)
    .max(max, `${label} must be at most ${max} s`);

export const headerSchema = z.strictObject({
  name: z
    .string()
    .min(1, 'Header name is required')
    .max(128, 'Header name is too long (128 characters at most)')
    .regex(HEADER_NAME, "Header name may contain only letters, digits and ! # $ % & ' * + - . ^ _ ` | ~"),
  value: z
    .string()
    .max(4096, 'Header value is too long (4096 characters at most)')
    .refine((value) => !/[\r\n\0]/.test(value), 'Header value may not contain line breaks'),
  /** Stored with the OS keychain (Electron safeStorage) and never shown or logged. */
  secret: z.boolean(),
});
export type HeaderConfig = z.infer<typeof headerSchema>;

const endpointFields = {
  name: z.string().trim().min(1, 'Name is required').max(80, 'Name is too long (80 characters at most)'),
  /** `http` watches `url`; `demo` watches the built-in demo Lambda (its URL is chosen at run time). */
  kind: z.enum(['http', 'demo']),
  url: z
    .string()
    .max(2048, 'URL is too long (2048 characters at most)')
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
      } catch {
        return false;
      }
    }, 'URL must be an http:// or https:// address'),
  method: z.enum(['GET', 'POST']),
  /** JSON request body, for POST only. */
  body: z.string().max(MAX_BODY_CHARS, `Body is too long (${MAX_BODY_CHARS} characters at most)`),
  headers: z.array(headerSchema).max(20, 'At most 20 headers'),
  failureThreshold: z
    .number({ error: 'Failure threshold must be a number' })
    .int('Failure threshold must be a whole number')
    .min(1, 'Failure threshold must be at least 1')
    .max(100, 'Failure threshold must be at most 100'),
  recoveryTimeoutS: seconds('Recovery timeout', 1, 86_400),
  requestTimeoutS: seconds('Request timeout', 0.1, 300),
  intervalS: z
    .number({ error: 'Check interval must be a number' })
    .finite('Check interval must be a number')
    .refine(
      (value) => value === 0 || (value >= 1 && value <= 86_400),
      'Check interval must be 0 (manual) or 1–86400 s',
    ),
  countedFailures: z.array(z.enum(FAILURE_CATEGORIES)).max(FAILURE_CATEGORIES.length),
  /** Keep the breaker open for a longer Retry-After of a 429 or 503. */
  respectRetryAfter: z.boolean(),
  /** Double the recovery timeout after each failed trial, up to `backoffMaxS`. */
  backoff: z.boolean(),
  backoffMaxS: seconds('Backoff limit', 1, 86_400),
  paused: z.boolean(),
  /** Desktop notifications when this endpoint's breaker opens or recovers. */
  notify: z.boolean(),
};

const ID = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Invalid endpoint id');

function checkBody(endpoint: { method: string; body: string }, context: z.RefinementCtx) {
  if (endpoint.method !== 'POST' || endpoint.body.trim() === '') return;
  try {
    JSON.parse(endpoint.body);
  } catch {
    context.addIssue({ code: 'custom', path: ['body'], message: 'Body must be valid JSON' });
  }
}

function checkHeaderNames(endpoint: { headers: readonly HeaderConfig[] }, context: z.RefinementCtx) {
  const seen = new Set<string>();
  endpoint.headers.forEach((header, index) => {
    const key = header.name.toLowerCase();
    if (seen.has(key))
      context.addIssue({
        code: 'custom',
        path: ['headers', index, 'name'],
        message: 'Header names must be unique',
      });
    seen.add(key);
  });
}

export const endpointSchema = z
  .strictObject({ id: ID, ...endpointFields })
  .superRefine(checkBody)
  .superRefine(checkHeaderNames)
  .refine((e) => e.backoffMaxS >= e.recoveryTimeoutS, {
    path: ['backoffMaxS'],
    message: 'Backoff limit must be at least the recovery timeout',
  });
export type EndpointConfig = z.infer<typeof endpointSchema>;

/**
 * What the form sends. `id` absent creates an endpoint. A secret header sent
 * without `value` keeps the value already stored (the renderer never sees it).
 */
export const endpointInputSchema = z
  .strictObject({
    id: ID.optional(),
    ...endpointFields,
    headers: z
      .array(headerSchema.extend({ value: headerSchema.shape.value.optional() }))
      .max(20, 'At most 20 headers'),
  })
  .superRefine(checkBody);
export type EndpointInput = z.infer<typeof endpointInputSchema>;

/** App-wide preferences. */
export const preferencesSchema = z.strictObject({
  /** Desktop notifications at all (each endpoint can also opt out). */
  notifications: z.boolean(),
  /** Closing the window keeps Breakwatch running in the tray. */
  closeToTray: z.boolean(),
  startAtLogin: z.boolean(),
  theme: z.enum(['system', 'light', 'dark']),
  language: z.enum(['system', 'en', 'es']),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  preferences: preferencesSchema,
  endpoints: z.array(endpointSchema).max(MAX_ENDPOINTS, `At most ${MAX_ENDPOINTS} endpoints`),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The endpoint as the renderer sees it: secret values removed. */
export type EndpointView = Omit<EndpointConfig, 'headers'> & {
  readonly headers: readonly { name: string; value: string | null; secret: boolean }[];
};
