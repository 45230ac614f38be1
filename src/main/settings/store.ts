/**
 * Settings on disk: one versioned JSON file in the data folder, written
 * atomically (temp file + rename), migrated on load, validated whole. A file
 * that cannot be read or understood is moved aside and defaults are used,
 * with a notice for the UI. Secret header values are encoded by the codec.
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { describeIssues } from '../../shared/contract';
import type { Notice } from '../../shared/model';
import {
  DEFAULT_PREFERENCES,
  endpointSchema,
  settingsSchema,
  SETTINGS_VERSION,
  type Settings,
} from '../../shared/settings';
import { DEMO_ENDPOINT, migrate } from './migrations';
import { parseUntrustedJson } from './safe-json';
import type { SecretCodec } from './secrets';

export const SETTINGS_FILE = 'settings.json';
export const MAX_SETTINGS_CHARS = 1024 * 1024;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  preferences: DEFAULT_PREFERENCES,
  endpoints: [DEMO_ENDPOINT],
};

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
  constructor(
    readonly code: 'INVALID_SETTINGS' | 'SETTINGS_WRITE_FAILED',
    message: string,
  ) {
    super(message);
  }
}

/** Parses, migrates and validates settings text; throws SettingsError naming the problem. */
export function decodeSettings(
  text: string,
  codec: SecretCodec,
  { migrateOld }: { migrateOld: boolean },
): Settings {
  let raw: unknown;
  try {
    raw = parseUntrustedJson(text, MAX_SETTINGS_CHARS);
    if (migrateOld) raw = migrate(raw);
  } catch (error) {
    throw new SettingsError('INVALID_SETTINGS', (error as Error).message);
  }
  const shape = settingsSchema.safeParse(
    typeof raw === 'object' && raw !== null
      ? {
          ...raw,
          endpoints: Array.isArray((raw as { endpoints?: unknown }).endpoints)
            ? (raw as { endpoints: unknown[] }).endpoints.map((endpoint) => decodeSecrets(endpoint, codec))
            : (raw as { endpoints?: unknown }).endpoints,
        }
      : raw,
  );
  if (!shape.success) throw new SettingsError('INVALID_SETTINGS', describeIssues(shape.error));
  const ids = new Set<string>();
  for (const endpoint of shape.data.endpoints) {
    if (ids.has(endpoint.id))
      throw new SettingsError('INVALID_SETTINGS', `Duplicate endpoint id "${endpoint.id}"`);
    ids.add(endpoint.id);
  }
  return shape.data;
}

function decodeSecrets(endpoint: unknown, codec: SecretCodec): unknown {
  if (typeof endpoint !== 'object' || endpoint === null) return endpoint;
  const headers = (endpoint as { headers?: unknown }).headers;
  if (!Array.isArray(headers)) return endpoint;
  return {
    ...endpoint,
    headers: headers.map((header: unknown) => {
      const h = header as { secret?: unknown; value?: unknown };
      if (h?.secret !== true || typeof h.value !== 'string') return header;
      try {
        return { ...h, value: codec.decrypt(h.value) };
      } catch {
        return { ...h, value: '' }; // a keychain change: the user re-enters it
      }
    }),
  };
}

export function encodeSettings(settings: Settings, codec: SecretCodec): string {
  const stored = {
    ...settings,
    endpoints: settings.endpoints.map((endpoint) => ({
      ...endpoint,
      headers: endpoint.headers.map((h) =>
        h.secret && h.value ? { ...h, value: codec.encrypt(h.value) } : h,
      ),
    })),
  };
  return `${JSON.stringify(stored, null, 2)}\n`;
}

export class SettingsStore {
  private constructor(
    private readonly file: string,
    private readonly codec: SecretCodec,
    private current: Settings,
  ) {}

  /** Loads the settings; never throws for a bad file (see `notices`). */
  static async open(dataDir: string, codec: SecretCodec, now = () => new Date()) {
    const file = join(dataDir, SETTINGS_FILE);
    const notices: Notice[] = [];
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        notices.push(await moveAside(file, `could not be read (${(error as Error).message})`, now));
      }
    }
    let settings = DEFAULT_SETTINGS;
    if (text !== null) {
      try {
        settings = decodeSettings(text, codec, { migrateOld: true });
      } catch (error) {
        notices.push(await moveAside(file, `was not valid (${(error as Error).message})`, now));
      }
    }
    const store = new SettingsStore(file, codec, settings);
    if (text === null || notices.length > 0) await store.write(settings).catch(() => undefined);
    return { store, notices };
  }

  get settings(): Settings {
    return this.current;
  }

  /** Validates the whole result, writes it atomically, then makes it current. */
  async replace(next: Settings): Promise<Settings> {
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success) throw new SettingsError('INVALID_SETTINGS', describeIssues(parsed.error));
    for (const endpoint of parsed.data.endpoints) endpointSchema.parse(endpoint);
    await this.write(parsed.data);
    this.current = parsed.data;
    return this.current;
  }

  private async write(settings: Settings): Promise<void> {
    try {
      await writeFileAtomic(this.file, encodeSettings(settings, this.codec), { mode: 0o600 });
    } catch (error) {
      throw new SettingsError(
        'SETTINGS_WRITE_FAILED',
        `Could not save settings: ${(error as Error).message}`,
      );
    }
  }
}

async function moveAside(file: string, why: string, now: () => Date): Promise<Notice> {
  const backup = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(file, backup);
    return {
      code: 'SETTINGS_RESET',
      message: `The settings file ${why}. It was moved to ${backup}; defaults are in use.`,
    };
  } catch {
    return {
      code: 'SETTINGS_RESET',
      message: `The settings file ${why} and could not be moved aside; defaults are in use.`,
    };
  }
}
