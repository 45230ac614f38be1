/**
 * Run-time options shared by the desktop app and the browser host, from
 * command-line flags (first) or environment variables. Invalid values are
 * rejected whole, with a message naming the option.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';

export interface RuntimeOptions {
  /** Full URL to watch; omitted: the built-in demo Lambda. */
  readonly url: string | null;
  /** Appended to `url` as `<url>/<endpoint>`, as the tutorial does. */
  readonly endpoint: string | null;
  readonly failureThreshold: number;
  readonly recoveryTimeoutMs: number;
  readonly timeoutMs: number;
  readonly intervalMs: number;
  readonly maxResponseBytes: number;
  /** Browser host port; 0 = any free port. */
  readonly port: number;
  /** Data folder (settings, state, history, logs); null = the platform default. */
  readonly dataDir: string | null;
  /** Breaker options given explicitly (flag or variable), in settings units. */
  readonly overrides: EndpointOverrides;
}

/** Command-line values that override an endpoint's settings. */
export interface EndpointOverrides {
  readonly failureThreshold?: number;
  readonly recoveryTimeoutS?: number;
  readonly requestTimeoutS?: number;
  readonly intervalS?: number;
}

/** The tutorial's defaults. */
export const DEFAULT_OPTIONS: RuntimeOptions = {
  url: null,
  endpoint: null,
  failureThreshold: 2,
  recoveryTimeoutMs: 10_000,
  timeoutMs: 5_000,
  intervalMs: 15_000,
  maxResponseBytes: 5 * 1024 * 1024,
  port: 0,
  dataDir: null,
  overrides: {},
};

/** Flag name → environment variable, also the documented list. */
export const OPTION_ENV: Readonly<Record<string, string>> = {
  url: 'BREAKWATCH_URL',
  endpoint: 'BREAKWATCH_ENDPOINT',
  'failure-threshold': 'BREAKWATCH_FAILURE_THRESHOLD',
  'recovery-timeout': 'BREAKWATCH_RECOVERY_TIMEOUT',
  timeout: 'BREAKWATCH_TIMEOUT',
  interval: 'BREAKWATCH_INTERVAL',
  'max-response-mb': 'BREAKWATCH_MAX_RESPONSE_MB',
  port: 'BREAKWATCH_PORT',
  'data-dir': 'BREAKWATCH_DATA_DIR',
};

export class OptionsError extends Error {
  override readonly name = 'OptionsError';
  readonly code = 'INVALID_OPTIONS';
}

const seconds = (min: number, max: number) =>
  z.coerce.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

const optionSchema = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .max(2048)
    .optional(),
  endpoint: z
    .string()
    .max(256)
    .regex(/^[\w\-./~%]*$/, 'may contain only letters, digits and - . _ ~ / %')
    .optional(),
  'failure-threshold': z.coerce.number().int('must be a whole number').min(1).max(100).optional(),
  'recovery-timeout': seconds(0.1, 86_400).optional(),
  timeout: seconds(0.1, 300).optional(),
  interval: seconds(0, 86_400)
    .refine((value) => value === 0 || value >= 1, 'must be 0 (manual only) or at least 1')
    .optional(),
  'max-response-mb': seconds(0.001, 512).optional(),
  port: z.coerce.number().int().min(0).max(65_535).optional(),
  'data-dir': z.string().min(1).max(4096).optional(),
});

/**
 * Reads options from `argv` (flags) and `env`. With `strict`, unknown flags
 * are errors (the host); Electron passes its own switches, so it is lenient.
 */
export function parseOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  { strict }: { strict: boolean },
): RuntimeOptions {
  const flagNames = Object.keys(OPTION_ENV);
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(flagNames.map((name) => [name, { type: 'string' as const }])),
      strict,
      allowPositionals: true,
    }));
  } catch (error) {
    throw new OptionsError((error as Error).message);
  }

  const raw: Record<string, unknown> = {};
  for (const name of flagNames) {
    const fromFlag = values[name];
    const fromEnv = env[OPTION_ENV[name]!];
    if (typeof fromFlag === 'string') raw[name] = fromFlag;
    else if (fromEnv !== undefined && fromEnv !== '') raw[name] = fromEnv;
  }

  const parsed = optionSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      return `--${name} (or ${OPTION_ENV[name] ?? 'env'}): ${issue.message}`;
    });
    throw new OptionsError(`Invalid options: ${problems.join('; ')}`);
  }
  const o = parsed.data;
  const ms = (value: number | undefined, fallback: number) =>
    value === undefined ? fallback : Math.round(value * 1000);
  return {
    url: o.url ?? null,
    endpoint: o.endpoint ?? null,
    failureThreshold: o['failure-threshold'] ?? DEFAULT_OPTIONS.failureThreshold,
    recoveryTimeoutMs: ms(o['recovery-timeout'], DEFAULT_OPTIONS.recoveryTimeoutMs),
    timeoutMs: ms(o.timeout, DEFAULT_OPTIONS.timeoutMs),
    intervalMs: ms(o.interval, DEFAULT_OPTIONS.intervalMs),
    maxResponseBytes:
      o['max-response-mb'] === undefined
        ? DEFAULT_OPTIONS.maxResponseBytes
        : Math.round(o['max-response-mb'] * 1024 * 1024),
    port: o.port ?? DEFAULT_OPTIONS.port,
    dataDir: o['data-dir'] ?? null,
    overrides: Object.fromEntries(
      Object.entries({
        failureThreshold: o['failure-threshold'],
        recoveryTimeoutS: o['recovery-timeout'],
        requestTimeoutS: o.timeout,
        intervalS: o.interval,
      }).filter(([, value]) => value !== undefined),
    ),
  };
}

/** `<base URL>/<endpoint>`, without doubling or dropping the slash. */
export function joinUrl(base: string, endpoint: string | null): string {
  if (!endpoint) return base;
  return `${base.replace(/\/+$/, '')}/${endpoint.replace(/^\/+/, '')}`;
}
