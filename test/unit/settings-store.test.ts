import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, MigrationError } from '../../src/main/settings/migrations';
import { bufferCodec, plainCodec } from '../../src/main/settings/secrets';
import {
  decodeSettings,
  DEFAULT_SETTINGS,
  SettingsError,
  SettingsStore,
  SETTINGS_FILE,
} from '../../src/main/settings/store';
import { DEFAULT_PREFERENCES, ENDPOINT_DEFAULTS, type EndpointConfig } from '../../src/shared/settings';

const dir = () => mkdtempSync(join(tmpdir(), 'bw-settings-'));
const endpoint = (overrides: Partial<EndpointConfig> = {}): EndpointConfig => ({
  ...ENDPOINT_DEFAULTS,
  id: 'ep-1',
  name: 'Orders',
  kind: 'http',
  url: 'https://api.example.com/orders',
  ...overrides,
});
/** A reversible stand-in for safeStorage. */
const fakeKeychain = bufferCodec({
  encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
});

describe('SettingsStore', () => {
  it('starts from defaults (the demo endpoint) and writes them', async () => {
    const folder = dir();
    const { store, notices } = await SettingsStore.open(folder, plainCodec);
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    expect(notices).toEqual([]);
    expect(JSON.parse(readFileSync(join(folder, SETTINGS_FILE), 'utf8')).version).toBe(3);
  });

  it('moves a corrupt file aside, uses defaults and says so', async () => {
    const folder = dir();
    writeFileSync(join(folder, SETTINGS_FILE), '{"version": 2, "endpoints": [');
    const { store, notices } = await SettingsStore.open(folder, plainCodec);
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.code).toBe('SETTINGS_RESET');
    const backups = readdirSync(folder).filter((name) => name.startsWith(`${SETTINGS_FILE}.corrupt-`));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(folder, backups[0]!), 'utf8')).toBe('{"version": 2, "endpoints": [');
    expect(notices[0]!.message).toContain(backups[0]);
  });

  it('rejects an invalid change whole and keeps the file as it was', async () => {
    const folder = dir();
    const { store } = await SettingsStore.open(folder, plainCodec);
    await store.replace({ ...store.settings, endpoints: [...store.settings.endpoints, endpoint()] });
    const before = readFileSync(join(folder, SETTINGS_FILE), 'utf8');
    const bad = {
      ...store.settings,
      endpoints: [...store.settings.endpoints, endpoint({ id: 'ep-2', url: 'ftp://x' })],
    };
    await expect(store.replace(bad)).rejects.toBeInstanceOf(SettingsError);
    await expect(store.replace(bad)).rejects.toThrow(/URL must be an http/);
    expect(readFileSync(join(folder, SETTINGS_FILE), 'utf8')).toBe(before);
    expect(store.settings.endpoints).toHaveLength(2);
  });

  it('encrypts secret header values at rest and never writes them plainly', async () => {
    const folder = dir();
    const { store } = await SettingsStore.open(folder, fakeKeychain);
    const headers = [
      { name: 'x-api-key', value: 'sk-live-123', secret: true },
      { name: 'accept-language', value: 'es', secret: false },
    ];
    await store.replace({ ...store.settings, endpoints: [endpoint({ headers })] });
    const text = readFileSync(join(folder, SETTINGS_FILE), 'utf8');
    expect(text).not.toContain('sk-live-123');
    expect(text).toContain('enc:v1:');
    expect(text).toContain('"value": "es"');
    const reopened = await SettingsStore.open(folder, fakeKeychain);
    expect(reopened.store.settings.endpoints[0]!.headers).toEqual(headers);
  });
});

describe('migrations', () => {
  it('turns a version 1 file into the current endpoints', async () => {
    const folder = dir();
    writeFileSync(
      join(folder, SETTINGS_FILE),
      JSON.stringify({
        version: 1,
        url: 'https://legacy.example.com/dev',
        failureThreshold: 3,
        recoveryTimeoutS: 20,
        timeoutS: 4,
        intervalS: 30,
      }),
    );
    const { store, notices } = await SettingsStore.open(folder, plainCodec);
    expect(notices).toEqual([]);
    expect(store.settings.endpoints.map((e) => e.id)).toEqual(['demo', 'migrated-1']);
    expect(store.settings.endpoints[1]).toMatchObject({
      url: 'https://legacy.example.com/dev',
      failureThreshold: 3,
      recoveryTimeoutS: 20,
      requestTimeoutS: 4,
      intervalS: 30,
    });
  });

  it('adds preferences and per-endpoint notifications to a version 2 file', () => {
    const v2 = { version: 2, endpoints: [{ ...endpoint(), notify: undefined }] };
    const migrated = decodeSettings(JSON.stringify(v2), plainCodec, { migrateOld: true });
    expect(migrated.version).toBe(3);
    expect(migrated.preferences).toEqual(DEFAULT_PREFERENCES);
    expect(migrated.endpoints[0]!.notify).toBe(true);
  });

  it('refuses files from the future or without a version', () => {
    expect(() => migrate({ version: 99, endpoints: [] })).toThrow(MigrationError);
    expect(() => migrate({ endpoints: [] })).toThrow(/no valid "version"/);
  });
});

describe('decodeSettings (import)', () => {
  const valid = JSON.stringify({ version: 3, preferences: DEFAULT_PREFERENCES, endpoints: [endpoint()] });

  it('accepts a valid current file', () => {
    expect(decodeSettings(valid, plainCodec, { migrateOld: false }).endpoints[0]!.name).toBe('Orders');
  });

  it.each([
    ['broken JSON', '{"version": 2,'],
    ['another version', JSON.stringify({ version: 2, endpoints: [] })],
    ['a prototype-pollution key', '{"version": 2, "endpoints": [], "__proto__": {"admin": true}}'],
    ['a nested constructor key', `{"version": 2, "endpoints": [{"constructor": {"prototype": {}}}]}`],
    [
      'duplicate ids',
      JSON.stringify({ version: 3, preferences: DEFAULT_PREFERENCES, endpoints: [endpoint(), endpoint()] }),
    ],
    [
      'a 10 MB field',
      JSON.stringify({
        version: 3,
        preferences: DEFAULT_PREFERENCES,
        endpoints: [endpoint({ name: 'x'.repeat(10_000_000) })],
      }),
    ],
    [
      'an illegal header name',
      JSON.stringify({
        version: 3,
        preferences: DEFAULT_PREFERENCES,
        endpoints: [endpoint({ headers: [{ name: 'bad name', value: 'v', secret: false }] })],
      }),
    ],
  ])('refuses %s with a message', (_name, text) => {
    expect(() => decodeSettings(text, plainCodec, { migrateOld: false })).toThrow(SettingsError);
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });
});
