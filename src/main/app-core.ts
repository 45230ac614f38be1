/**
 * The whole main-process application without Electron: the demo Lambda, the
 * targets, the monitor of the selected target, and the IPC handlers and
 * events that the transports (Electron IPC, browser host) bind to.
 */
import { join } from 'node:path';
import type { EventChannel, EventPayloads } from '../shared/contract';
import { FAILURE_CATEGORIES, type AppInfo, type MonitorSnapshot, type Target } from '../shared/model';
import { createHttpClient } from './core/http-client';
import { createLogger, type Logger } from './core/logger';
import { Monitor } from './core/monitor';
import { startDemoLambda, type DemoLambdaServer } from './demo/api-gateway';
import { IpcError, type InvokeHandlers } from './ipc/dispatch';
import { joinUrl, type RuntimeOptions } from './options';

/** The tutorial's own Lambda: base URL and endpoint `dev`. */
export const TUTORIAL_TARGET: Target = {
  id: 'tutorial',
  name: 'Tutorial Lambda (AWS)',
  url: joinUrl('https://6iqdf9i7w9.execute-api.us-east-1.amazonaws.com', 'dev'),
  isDemo: false,
};

export interface AppCoreEnvironment {
  /** Where the log file goes. */
  readonly dataDir: string;
  readonly version: string;
  /** Locale from the OS (Electron); null lets the renderer use its own. */
  readonly locale: string | null;
  /** Overrides the log output (tests). */
  readonly logWrite?: (line: string) => void;
}

type EventListener = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

export interface AppCore {
  readonly handlers: InvokeHandlers;
  readonly logger: Logger;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  info(): AppInfo;
  snapshot(): MonitorSnapshot;
  dispose(): Promise<void>;
}

export async function createAppCore(options: RuntimeOptions, env: AppCoreEnvironment): Promise<AppCore> {
  const logger = createLogger({
    filePath: join(env.dataDir, 'logs', 'breakwatch.log'),
    ...(env.logWrite ? { write: env.logWrite } : {}),
  });
  const listeners = new Set<EventListener>();
  const emit: EventListener = (event, payload) => {
    for (const listener of [...listeners]) listener(event, payload);
  };

  let demo: DemoLambdaServer | null = null;
  try {
    demo = await startDemoLambda({ slowDelayMs: options.timeoutMs + 2000 });
    logger.info(`Demo Lambda listening on ${demo.url}`);
  } catch (error) {
    logger.error(`Demo Lambda could not start: ${(error as Error).message}`);
  }

  const targets: Target[] = [];
  if (options.url) {
    const url = joinUrl(options.url, options.endpoint);
    targets.push({ id: 'custom', name: new URL(url).host, url, isDemo: false });
  }
  if (demo) targets.push({ id: 'demo', name: 'Demo Lambda (built-in)', url: demo.url, isDemo: true });
  targets.push(TUTORIAL_TARGET);

  const client = createHttpClient({ timeoutMs: options.timeoutMs, maxBytes: options.maxResponseBytes });
  let selected: Target = targets[0]!;
  let monitor = watch(selected);

  function watch(target: Target): Monitor {
    const created = new Monitor({
      target,
      client,
      failureThreshold: options.failureThreshold,
      recoveryTimeoutMs: options.recoveryTimeoutMs,
      intervalMs: options.intervalMs,
      countedCategories: new Set(FAILURE_CATEGORIES),
      logger,
    });
    created.subscribe((snapshot) => emit('monitor:snapshot', snapshot));
    logger.info(
      `Watching ${target.name} at ${target.url} (threshold ${options.failureThreshold}, recovery ${options.recoveryTimeoutMs / 1000} s, timeout ${options.timeoutMs / 1000} s, interval ${options.intervalMs / 1000 || 'manual'})`,
    );
    created.start();
    return created;
  }

  const info = (): AppInfo => ({
    version: env.version,
    locale: env.locale,
    targets,
    selectedTargetId: selected.id,
    demoFault: demo?.fault ?? null,
    requestTimeoutMs: options.timeoutMs,
  });

  const handlers: InvokeHandlers = {
    'app:get-info': () => info(),
    'monitor:get-snapshot': () => monitor.snapshot,
    'monitor:retry': () => {
      logger.info(`[${selected.name}] Retry requested by the user`);
      return monitor.check('user');
    },
    'monitor:select-target': ({ targetId }) => {
      const target = targets.find((candidate) => candidate.id === targetId);
      if (!target) throw new IpcError('NOT_FOUND', `No target with id "${targetId}"`);
      if (target.id !== selected.id) {
        monitor.stop();
        selected = target;
        monitor = watch(target);
        emit('app:info', info());
        emit('monitor:snapshot', monitor.snapshot);
      }
      return monitor.snapshot;
    },
    'demo:set-fault': async ({ mode }) => {
      if (!demo) throw new IpcError('UNAVAILABLE', 'The demo Lambda is not running');
      await demo.setFault(mode);
      logger.info(`Demo Lambda fault set to "${mode}" by the user`);
      const next = info();
      emit('app:info', next);
      return next;
    },
  };

  return {
    handlers,
    logger,
    info,
    snapshot: () => monitor.snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      monitor.stop();
      listeners.clear();
      await demo?.close();
      await logger.close();
    },
  };
}
