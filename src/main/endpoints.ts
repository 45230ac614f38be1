/**
 * The running endpoints: one monitor (with its history and saved state) per
 * configured endpoint, created, replaced and stopped as settings change.
 */
import { join } from 'node:path';
import type { MonitorSnapshot, Target } from '../shared/model';
import type { EndpointConfig } from '../shared/settings';
import { createHttpClient } from './core/http-client';
import { HistoryLog } from './core/history';
import type { Logger } from './core/logger';
import { Monitor } from './core/monitor';
import type { StateStore } from './core/state-store';
import type { EndpointOverrides } from './options';

export interface EndpointRuntime {
  readonly dataDir: string;
  readonly logger: Logger;
  /** A file could not be written: monitoring goes on in memory; the UI is told. */
  readonly onStorageError: (message: string) => void;
  readonly state: StateStore;
  readonly maxResponseBytes: number;
  /** The demo Lambda's URL, for `kind: 'demo'` endpoints; null when it is not running. */
  readonly demoUrl: string | null;
  /** Run-time overrides per endpoint id (command line), not saved. */
  readonly overridesFor: (id: string) => EndpointOverrides;
  readonly publish: (snapshot: MonitorSnapshot) => void;
}

export function targetOf(config: EndpointConfig, demoUrl: string | null): Target {
  const isDemo = config.kind === 'demo';
  return {
    id: config.id,
    name: config.name,
    url: isDemo ? (demoUrl ?? config.url) : config.url,
    isDemo,
    method: config.method,
  };
}

export class EndpointSet {
  private readonly monitors = new Map<string, Monitor>();

  constructor(private readonly runtime: EndpointRuntime) {}

  get(id: string): Monitor | undefined {
    return this.monitors.get(id);
  }

  all(): Monitor[] {
    return [...this.monitors.values()];
  }

  snapshots(): MonitorSnapshot[] {
    return [...this.monitors.values()].map((monitor) => monitor.snapshot);
  }

  /** Starts, restarts or stops monitors so they match `configs`. */
  async sync(configs: readonly EndpointConfig[], previous: readonly EndpointConfig[] = []): Promise<void> {
    const before = new Map(previous.map((config) => [config.id, JSON.stringify(config)]));
    const wanted = new Set(configs.map((config) => config.id));
    for (const [id, monitor] of this.monitors) {
      if (!wanted.has(id)) {
        monitor.stop();
        this.monitors.delete(id);
        this.runtime.state.delete(id);
      }
    }
    for (const config of configs) {
      const running = this.monitors.get(config.id);
      if (running && before.get(config.id) === JSON.stringify(config)) continue;
      running?.stop();
      await this.start(config);
    }
  }

  async stopAll(): Promise<void> {
    const flushes = [...this.monitors.values()].map((monitor) => monitor.history?.flush());
    for (const monitor of this.monitors.values()) monitor.stop();
    this.monitors.clear();
    await Promise.all(flushes);
  }

  private async start(config: EndpointConfig): Promise<void> {
    const { logger, state, dataDir } = this.runtime;
    const effective = { ...config, ...this.runtime.overridesFor(config.id) };
    const target = targetOf(config, this.runtime.demoUrl);
    const history = await HistoryLog.open(
      join(dataDir, 'history', `${config.id}.jsonl`),
      this.runtime.onStorageError,
    );
    const headers = Object.fromEntries(config.headers.map((header) => [header.name, header.value]));
    const monitor = new Monitor({
      target,
      client: createHttpClient({
        timeoutMs: effective.requestTimeoutS * 1000,
        maxBytes: this.runtime.maxResponseBytes,
      }),
      request: { method: config.method, headers, ...(config.method === 'POST' ? { body: config.body } : {}) },
      failureThreshold: effective.failureThreshold,
      recoveryTimeoutMs: effective.recoveryTimeoutS * 1000,
      intervalMs: effective.intervalS * 1000,
      countedCategories: new Set(config.countedFailures),
      respectRetryAfter: config.respectRetryAfter,
      backoffMaxMs: config.backoff ? config.backoffMaxS * 1000 : null,
      paused: config.paused,
      logger,
      history,
      restored: state.get(config.id),
      save: (saved) => state.set(config.id, saved),
    });
    monitor.subscribe(this.runtime.publish);
    this.monitors.set(config.id, monitor);
    // Headers are deliberately not logged: they may hold secrets.
    logger.info(
      `Watching ${target.name}: ${target.method} ${target.url} (threshold ${effective.failureThreshold}, recovery ${effective.recoveryTimeoutS} s, timeout ${effective.requestTimeoutS} s, interval ${effective.intervalS || 'manual'})`,
    );
    this.runtime.publish(monitor.snapshot);
    monitor.start();
  }
}
