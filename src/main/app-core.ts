/**
 * The whole main-process application without Electron: settings, the demo
 * Lambda, one monitor per endpoint, and the IPC handlers and events that the
 * transports (Electron IPC, browser host) bind to.
 */
import { join } from 'node:path';
import type { EventChannel, EventPayloads } from '../shared/contract';
import type { AppInfo, MonitorSnapshot, Notice } from '../shared/model';
import {
  ENDPOINT_DEFAULTS,
  type EndpointConfig,
  type EndpointView,
  type Settings,
  type Preferences,
} from '../shared/settings';
import { ClockWatch } from './core/clock-watch';
import { createLogger, type Logger } from './core/logger';
import { StateStore } from './core/state-store';
import { startDemoLambda, type DemoLambdaServer } from './demo/api-gateway';
import { EndpointSet } from './endpoints';
import { createHandlers } from './handlers';
import { IpcError, type InvokeHandlers } from './ipc/dispatch';
import { joinUrl, type RuntimeOptions } from './options';
import { plainCodec, type SecretCodec } from './settings/secrets';
import { SettingsError, SettingsStore } from './settings/store';

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

export type CoreEventListener = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;
type EventListener = CoreEventListener;

export interface AppCore {
  readonly handlers: InvokeHandlers;
  readonly logger: Logger;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  info(): AppInfo;
  snapshots(): MonitorSnapshot[];
  endpoints(): EndpointView[];
  /** The system is about to sleep (Electron powerMonitor 'suspend'). */
  suspend(): void;
  /** The system woke up: the time asleep counts toward open breakers' recovery. */
  resume(): void;
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

  /** Disk full, read-only folder…: logged, shown once as a notice, monitoring goes on in memory. */
  const onStorageError = (message: string) => {
    logger.warn(message);
    if (notices.some((notice) => notice.code === 'STORAGE_FAILED')) return;
    notices = [
      ...notices,
      {
        code: 'STORAGE_FAILED',
        message: `${message}. Monitoring continues; recent data is kept in memory only.`,
      },
    ];
    // Before the core is assembled the notice simply waits in the list.
    if (ready) emit('app:info', info());
  };
  let ready = false;
  const state = await StateStore.open(join(env.dataDir, 'state.json'), onStorageError);
  const endpoints = new EndpointSet({
    dataDir: env.dataDir,
    logger,
    onStorageError,
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

  const clockWatch = new ClockWatch((jumpMs) => {
    logger.warn(
      `Wall clock changed by ${Math.round(jumpMs / 1000)} s; countdowns follow it, recovery times do not`,
    );
    endpoints.all().forEach((monitor) => monitor.refresh());
  });
  const stopClockWatch = clockWatch.start();
  ready = true;

  const handlers = createHandlers({
    settings,
    endpoints,
    logger,
    demo,
    logDir,
    desktop: env.desktop,
    emit,
    info,
    views,
    withoutSecrets,
    commit,
    dismissNotice: (code) => {
      notices = notices.filter((notice) => notice.code !== code);
    },
  });

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
    suspend: () => clockWatch.suspend(),
    resume() {
      const slept = clockWatch.resume();
      logger.info(`Resumed after ${Math.round(slept / 1000)} s asleep`);
      endpoints.all().forEach((monitor) => monitor.resumeFromSleep(slept));
    },
    async dispose() {
      stopClockWatch();
      await endpoints.stopAll();
      await state.flush();
      listeners.clear();
      await demo?.close();
      await logger.close();
    },
  };
}
