/**
 * Settings migrations, oldest first. Each takes the parsed file of version
 * N and returns version N + 1; the result is validated afterwards, so a
 * migration only reshapes.
 *
 * Version 1 held one watched URL and the breaker options of the first
 * release; version 2 holds a list of endpoints; version 3 adds app
 * preferences and per-endpoint notifications.
 */
import { DEFAULT_PREFERENCES, ENDPOINT_DEFAULTS, SETTINGS_VERSION } from '../../shared/settings';

type Raw = Record<string, unknown>;

const num = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);

const migrations: Record<number, (raw: Raw) => Raw> = {
  1: (raw) => {
    const endpoints: Raw[] = [{ ...DEMO_ENDPOINT }];
    if (typeof raw['url'] === 'string') {
      endpoints.push({
        ...ENDPOINT_DEFAULTS,
        id: 'migrated-1',
        name: 'Watched API',
        kind: 'http',
        url: raw['url'],
        failureThreshold: num(raw['failureThreshold'], ENDPOINT_DEFAULTS.failureThreshold),
        recoveryTimeoutS: num(raw['recoveryTimeoutS'], ENDPOINT_DEFAULTS.recoveryTimeoutS),
        requestTimeoutS: num(raw['timeoutS'], ENDPOINT_DEFAULTS.requestTimeoutS),
        intervalS: num(raw['intervalS'], ENDPOINT_DEFAULTS.intervalS),
      });
    }
    return { version: 2, endpoints };
  },
  2: (raw) => ({
    version: 3,
    preferences: { ...DEFAULT_PREFERENCES },
    endpoints: Array.isArray(raw['endpoints'])
      ? raw['endpoints'].map((endpoint: unknown) =>
          typeof endpoint === 'object' && endpoint !== null ? { ...endpoint, notify: true } : endpoint,
        )
      : raw['endpoints'],
  }),
};

/** The built-in demo Lambda as a settings entry. */
export const DEMO_ENDPOINT = {
  ...ENDPOINT_DEFAULTS,
  id: 'demo',
  name: 'Demo Lambda (built-in)',
  kind: 'demo' as const,
  url: 'http://127.0.0.1/dev',
};

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  readonly code = 'SETTINGS_VERSION';
}

/** Brings a parsed settings file to the current version. */
export function migrate(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let current = raw as Raw;
  const found = current['version'];
  if (typeof found !== 'number' || !Number.isInteger(found)) {
    throw new MigrationError('Settings file has no valid "version"');
  }
  let version: number = found;
  if (version > SETTINGS_VERSION) {
    throw new MigrationError(
      `Settings version ${version} is newer than this Breakwatch (${SETTINGS_VERSION})`,
    );
  }
  while (version < SETTINGS_VERSION) {
    const step = migrations[version];
    if (!step) throw new MigrationError(`No migration from settings version ${version}`);
    current = step(current);
    version = current['version'] as number;
  }
  return current;
}
