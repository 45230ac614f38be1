/**
 * The whole main-process application without Electron: settings, the demo
 * Lambda, one monitor per endpoint, and the IPC handlers and events that the
 * transports (Electron IPC, browser host) bind to.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventChannel, EventPayloads } from '../shared/contract';
import type { AppInfo, MonitorSnapshot, Notice } from '../shared/model';
import {
  ENDPOINT_DEFAULTS,
  MAX_ENDPOINTS,
  SETTINGS_VERSION,
  type EndpointConfig,
  type EndpointInput,
  type EndpointView,
  type Settings,
  type Preferences,
} from '../shared/settings';
import { historyToCsv } from './core/history';
import { createLogger, type Logger } from './core/logger';
import { StateStore } from './core/state-store';
import { startDemoLambda, type DemoLambdaServer } from './demo/api-gateway';
import { EndpointSet } from './endpoints';
import { IpcError, type InvokeHandlers } from './ipc/dispatch';
import { joinUrl, type RuntimeOptions } from './options';
import { plainCodec, type SecretCodec } from './settings/secrets';
import { decodeSettings, encodeSettings, SettingsError, SettingsStore } from './settings/store';

export const TUTORIAL_URL = joinUrl('https://6iqdf9i7w9.execute-api.us-east-1.amazonaws.com', 'dev');

export interface AppCoreEnvironment {
  /** Where settings, state, history and logs go. */
  readonly dataDir: string;
  readonly version: string;
  /** Locale from the OS (Electron); null lets the renderer use its own. */
  readonly locale: string | null;
  /** How secret header values are kept at rest (default: plain, with a notice). */
  readonly secrets?: SecretCodec;
  /** Overrides the log output (tests). */
  readonly logWrite?: (line: string) => void;
  /** The platform's log folder (desktop); default `<dataDir>/logs`. */
  readonly logDir?: string;
  readonly host?: 'desktop' | 'browser';
  readonly versions?: Readonly<Record<string, string>>;
  /** Desktop-only effects of the app; absent in the browser host. */
  readonly desktop?: DesktopHooks;
}

/** What only the Electron shell can do, handed to the core as plain functions. */
export interface DesktopHooks {
  /** Opens a folder in the system's file manager. */
  openPath(path: string): Promise<void>;
  /** Applies theme, start-at-login and close-to-tray. */
  applyPreferences(preferences: Preferences): void;
}

type EventListener = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

export interface AppCore {
  readonly handlers: InvokeHandlers;
  readonly logger: Logger;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  info(): AppInfo;
  snapshots(): MonitorSnapshot[];
  endpoints(): EndpointView[];
  dispose(): Promise<void>;
}

/** Settings as the renderer may see them: secret values removed. */
export function redact(endpoint: EndpointConfig): EndpointView {
  return { ...endpoint, headers: endpoint.headers.map((h) => ({ ...h, value: h.secret ? null : h.value })) };
}

export async function createAppCore(options: RuntimeOptions, env: AppCoreEnvironment): Promise<AppCore> {
  const logDir = env.logDir ?? join(env.dataDir, 'logs');
  const logger = createLogger({
    filePath: join(logDir, 'breakwatch.log'),
    ...(env.logWrite ? { write: env.logWrite } : {}),
  });
  const codec = env.secrets ?? plainCodec;
  const listeners = new Set<EventListener>();
  const emit: EventListener = (event, payload) => {
    for (const listener of [...listeners]) listener(event, payload);
  };

  const opened = await SettingsStore.open(env.dataDir, codec);
  const settings = opened.store;
  let notices: Notice[] = [...opened.notices];
  notices.forEach((notice) => logger.warn(notice.message));

  let demo: DemoLambdaServer | null = null;
  try {
    demo = await startDemoLambda({ slowDelayMs: options.timeoutMs + 2000 });
    logger.info(`Demo Lambda listening on ${demo.url}`);
  } catch (error) {
    logger.error(`Demo Lambda could not start: ${(error as Error).message}`);
  }

  if (options.url) {
    // The command line's endpoint is kept in the settings under a fixed id,
    // replaced by each start that names a URL.
    const url = joinUrl(options.url, options.endpoint);
    const cli: EndpointConfig = {
      ...ENDPOINT_DEFAULTS,
      ...options.overrides,
      id: 'cli',
      name: new URL(url).host,
      kind: 'http',
      url,
    };
    const others = settings.settings.endpoints.filter((endpoint) => endpoint.id !== 'cli');
    await settings.replace({ ...settings.settings, endpoints: [cli, ...others] }).catch((error: Error) => {
      logger.error(error.message);
    });
  }

  const state = await StateStore.open(join(env.dataDir, 'state.json'), (message) => logger.warn(message));
  const endpoints = new EndpointSet({
    dataDir: env.dataDir,
    logger,
    state,
    maxResponseBytes: options.maxResponseBytes,
    demoUrl: demo?.url ?? null,
    // Without --url, command-line breaker options apply to the demo for this run.
    overridesFor: (id) => (!options.url && id === 'demo' ? options.overrides : {}),
    publish: (snapshot) => emit('monitor:snapshot', snapshot),
  });
  await endpoints.sync(settings.settings.endpoints);

  const hasSecrets = () => settings.settings.endpoints.some((e) => e.headers.some((h) => h.secret));
  const preferences = () => settings.settings.preferences;
  const info = (): AppInfo => ({
    version: env.version,
    locale: preferences().language !== 'system' ? preferences().language : env.locale,
    initialEndpointId: options.url ? 'cli' : (settings.settings.endpoints[0]?.id ?? null),
    demoFault: demo?.fault ?? null,
    presets: { demoUrl: demo?.url ?? null, tutorialUrl: TUTORIAL_URL },
    secretsEncrypted: codec.encrypted,
    notices: [
      ...notices,
      ...(!codec.encrypted && hasSecrets()
        ? [
            {
              code: 'SECRETS_PLAIN' as const,
              message:
                'No OS keychain here: secret header values are stored unencrypted in the settings file.',
            },
          ]
        : []),
    ],
    preferences: preferences(),
    host: env.host ?? 'browser',
    versions: { breakwatch: env.version, node: process.versions.node, ...env.versions },
    logFile: logger.filePath,
  });
  const views = () => settings.settings.endpoints.map(redact);
  env.desktop?.applyPreferences(preferences());

  /** Settings without secret values (exports, diagnostics): they stay in this machine's store. */
  const withoutSecrets = (): Settings => ({
    ...settings.settings,
    endpoints: settings.settings.endpoints.map((e) => ({
      ...e,
      headers: e.headers.map((h) => (h.secret ? { ...h, value: '' } : h)),
    })),
  });

  /** Validates and saves the whole settings, then brings the monitors in line. */
  async function commit(next: Settings): Promise<EndpointView[]> {
    const previous = settings.settings.endpoints;
    try {
      await settings.replace(next);
    } catch (error) {
      if (error instanceof SettingsError)
        throw new IpcError(
          error.code === 'INVALID_SETTINGS' ? 'INVALID_SETTINGS' : 'UNAVAILABLE',
          error.message,
        );
      throw error;
    }
    await endpoints.sync(settings.settings.endpoints, previous);
    const result = views();
    emit('settings:changed', result);
    return result;
  }

  const monitorOf = (id: string) => {
    const monitor = endpoints.get(id);
    if (!monitor) throw new IpcError('NOT_FOUND', `No endpoint with id "${id}"`);
    return monitor;
  };
  const configOf = (id: string) => {
    const config = settings.settings.endpoints.find((endpoint) => endpoint.id === id);
    if (!config) throw new IpcError('NOT_FOUND', `No endpoint with id "${id}"`);
    return config;
  };

  /** Turns form input into a stored endpoint: keeps secret values the form did not resend. */
  function fromInput(input: EndpointInput): EndpointConfig {
    const existing = input.id ? settings.settings.endpoints.find((e) => e.id === input.id) : undefined;
    const headers = input.headers.map((header, index) => {
      if (header.value !== undefined) return { ...header, value: header.value };
      const kept = existing?.headers.find(
        (h) => h.secret && h.name.toLowerCase() === header.name.toLowerCase(),
      );
      if (!kept) {
        throw new IpcError('INVALID_PAYLOAD', 'A header value is required', {
          [`endpoint.headers.${index}.value`]: 'Value is required',
        });
      }
      return { ...header, value: kept.value };
    });
    return { ...input, id: input.id ?? `ep-${randomUUID().slice(0, 8)}`, headers };
  }

  const handlers: InvokeHandlers = {
    'app:get-info': () => info(),
    'settings:get': () => views(),
    'monitor:list': () => endpoints.snapshots(),
    'monitor:retry': ({ id }) => {
      logger.info(`[${configOf(id).name}] Retry requested by the user`);
      return monitorOf(id).check('user');
    },
    'monitor:control': ({ id, action }) => monitorOf(id).control(action),
    'endpoint:save': async ({ endpoint: input }) => {
      if (input.id) configOf(input.id);
      else if (settings.settings.endpoints.length >= MAX_ENDPOINTS) {
        throw new IpcError('INVALID_SETTINGS', `At most ${MAX_ENDPOINTS} endpoints`);
      }
      const endpoint = fromInput(input);
      const list = settings.settings.endpoints;
      const next = input.id ? list.map((e) => (e.id === endpoint.id ? endpoint : e)) : [...list, endpoint];
      const saved = await commit({ ...settings.settings, endpoints: next });
      logger.info(`[${endpoint.name}] Endpoint ${input.id ? 'changed' : 'added'} by the user`);
      return { endpoints: saved, id: endpoint.id };
    },
    'endpoint:duplicate': async ({ id }) => {
      const source = configOf(id);
      const copy = {
        ...source,
        id: `ep-${randomUUID().slice(0, 8)}`,
        name: `${source.name} (copy)`.slice(0, 80),
      };
      const saved = await commit({ ...settings.settings, endpoints: [...settings.settings.endpoints, copy] });
      logger.info(`[${source.name}] Endpoint duplicated by the user`);
      return { endpoints: saved, id: copy.id };
    },
    'endpoint:remove': async ({ id }) => {
      const removed = configOf(id);
      const saved = await commit({
        ...settings.settings,
        endpoints: settings.settings.endpoints.filter((e) => e.id !== id),
      });
      logger.info(`[${removed.name}] Endpoint removed by the user`);
      emit('monitor:removed', { id });
      return saved;
    },
    'history:list': ({ id, limit, types, text }) => {
      const history = monitorOf(id).history;
      return history ? history.recent(limit, { ...(types ? { types } : {}), ...(text ? { text } : {}) }) : [];
    },
    'history:export': async ({ id, format }) => {
      const config = configOf(id);
      const events = (await monitorOf(id).history?.all()) ?? [];
      const stem = `breakwatch-history-${config.id}`;
      return format === 'csv'
        ? { filename: `${stem}.csv`, mime: 'text/csv', content: historyToCsv(events) }
        : { filename: `${stem}.json`, mime: 'application/json', content: JSON.stringify(events, null, 2) };
    },
    'settings:export': () => ({
      filename: 'breakwatch-settings.json',
      mime: 'application/json',
      content: encodeSettings(withoutSecrets(), plainCodec),
    }),
    'settings:import': async ({ text }) => {
      let imported: Settings;
      try {
        imported = decodeSettings(text, plainCodec, { migrateOld: false });
      } catch (error) {
        throw new IpcError('INVALID_SETTINGS', `Settings not imported: ${(error as Error).message}`);
      }
      if (imported.version !== SETTINGS_VERSION)
        throw new IpcError('INVALID_SETTINGS', 'Settings not imported: wrong version');
      const saved = await commit(imported);
      logger.info(`Settings imported by the user (${imported.endpoints.length} endpoints)`);
      return saved;
    },
    'demo:set-fault': async ({ mode }) => {
      if (!demo) throw new IpcError('UNAVAILABLE', 'The demo Lambda is not running');
      await demo.setFault(mode);
      logger.info(`Demo Lambda fault set to "${mode}" by the user`);
      const next = info();
      emit('app:info', next);
      return next;
    },
    'preferences:set': async (changes) => {
      const next = { ...preferences(), ...changes };
      await commit({ ...settings.settings, preferences: next });
      env.desktop?.applyPreferences(next);
      logger.info(`Preferences changed by the user: ${Object.keys(changes).join(', ')}`);
      const result = info();
      emit('app:info', result);
      return result;
    },
    'monitor:retry-all': async () => {
      logger.info('Retry of all endpoints requested by the user');
      return Promise.all(endpoints.snapshots().map((s) => endpoints.get(s.target.id)!.check('user')));
    },
    'monitor:pause-all': async ({ paused }) => {
      const action = paused ? 'pause' : 'resume';
      return Promise.all(
        endpoints
          .snapshots()
          .filter((s) => s.paused !== paused)
          .map((s) => endpoints.get(s.target.id)!.control(action)),
      );
    },
    'diagnostics:export': async () => {
      const history = Object.fromEntries(
        endpoints
          .snapshots()
          .map((s) => [s.target.id, endpoints.get(s.target.id)!.history?.recent(200) ?? []]),
      );
      const report = {
        generatedAt: new Date().toISOString(),
        versions: info().versions,
        platform: `${process.platform} ${process.arch}`,
        settings: withoutSecrets(),
        breakers: endpoints.snapshots().map((s) => ({ id: s.target.id, name: s.target.name, ...s.breaker })),
        recentHistory: history,
      };
      logger.info('Diagnostics exported by the user');
      return {
        filename: `breakwatch-diagnostics-${report.generatedAt.slice(0, 10)}.json`,
        mime: 'application/json',
        content: JSON.stringify(report, null, 2),
      };
    },
    'app:open-logs': async () => {
      if (!env.desktop) return { path: logDir, opened: false };
      await env.desktop.openPath(logDir);
      return { path: logDir, opened: true };
    },
    'notice:dismiss': ({ code }) => {
      notices = notices.filter((notice) => notice.code !== code);
      const next = info();
      emit('app:info', next);
      return next;
    },
  };

  return {
    handlers,
    logger,
    info,
    snapshots: () => endpoints.snapshots(),
    endpoints: views,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      await endpoints.stopAll();
      await state.flush();
      listeners.clear();
      await demo?.close();
      await logger.close();
    },
  };
}
