/**
 * The IPC handlers: what each invoke channel does, over the running core.
 * Arguments arrive already validated by the contract's schemas.
 */
import { randomUUID } from 'node:crypto';
import { historySearchText } from '../shared/history-text';
import type { AppInfo, Notice } from '../shared/model';
import {
  MAX_ENDPOINTS,
  SETTINGS_VERSION,
  type EndpointConfig,
  type EndpointInput,
  type EndpointView,
  type Settings,
} from '../shared/settings';
import { historyToCsv } from './core/history';
import type { Logger } from './core/logger';
import type { DemoLambdaServer } from './demo/api-gateway';
import type { EndpointSet } from './endpoints';
import type { AppCoreEnvironment, CoreEventListener } from './app-core';
import { IpcError, type InvokeHandlers } from './ipc/dispatch';
import { plainCodec } from './settings/secrets';
import { decodeSettings, encodeSettings, type SettingsStore } from './settings/store';

/** The parts of the running core the handlers use. */
export interface HandlerContext {
  readonly settings: SettingsStore;
  readonly endpoints: EndpointSet;
  readonly logger: Logger;
  readonly demo: DemoLambdaServer | null;
  readonly logDir: string;
  readonly desktop: AppCoreEnvironment['desktop'];
  readonly emit: CoreEventListener;
  info(): AppInfo;
  views(): EndpointView[];
  withoutSecrets(): Settings;
  /** Validates and saves the whole settings, then brings the monitors in line. */
  commit(next: Settings): Promise<EndpointView[]>;
  dismissNotice(code: Notice['code'] | string): void;
}

export function createHandlers(context: HandlerContext): InvokeHandlers {
  const { settings, endpoints, logger, demo, logDir, emit, info, views, withoutSecrets, commit } = context;
  const preferences = () => settings.settings.preferences;

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

  return {
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
    'history:list': ({ id, limit, types, text, language }) => {
      const history = monitorOf(id).history;
      const describe = text && language ? historySearchText(language) : undefined;
      return history
        ? history.recent(limit, {
            ...(types ? { types } : {}),
            ...(text ? { text } : {}),
            ...(describe ? { describe } : {}),
          })
        : [];
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
      context.desktop?.applyPreferences(next);
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
      if (!context.desktop) return { path: logDir, opened: false };
      await context.desktop.openPath(logDir);
      return { path: logDir, opened: true };
    },
    'notice:dismiss': ({ code }) => {
      context.dismissNotice(code);
      const next = info();
      emit('app:info', next);
      return next;
    },
  };
}
