/**
 * The application core as the transports see it: handlers and events over
 * real settings, state and history files, against loopback servers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../src/main/app-core';
import { dispatchInvoke } from '../../src/main/ipc/dispatch';
import { DEFAULT_OPTIONS } from '../../src/main/options';
import type { InvokeArgument, InvokeChannel, InvokeResults } from '../../src/shared/contract';
import { ENDPOINT_DEFAULTS, type EndpointInput } from '../../src/shared/settings';
import { startFaultServer, type FaultServer } from '../support/fault-server';

let upstream: FaultServer;
const cores: AppCore[] = [];
beforeAll(async () => {
  upstream = await startFaultServer({ kind: 'json', body: { ok: true } });
});
afterAll(() => upstream.close());
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.dispose()));
});

async function open(dataDir = mkdtempSync(join(tmpdir(), 'bw-core-'))) {
  const lines: string[] = [];
  const core = await createAppCore(DEFAULT_OPTIONS, {
    dataDir,
    version: 't',
    locale: null,
    logWrite: (l) => lines.push(l),
  });
  cores.push(core);
  async function call<C extends InvokeChannel>(channel: C, argument?: InvokeArgument<C>) {
    const envelope = await dispatchInvoke(core.handlers, channel, argument);
    return envelope as
      | { ok: true; value: InvokeResults[C] }
      | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };
  }
  return { core, call, dataDir, lines };
}

const input = (overrides: Partial<EndpointInput> = {}): EndpointInput => ({
  ...ENDPOINT_DEFAULTS,
  kind: 'http',
  name: 'Orders',
  url: `${upstream.url}/orders`,
  intervalS: 0,
  ...overrides,
});

describe('app core', () => {
  it('adds an endpoint, checks it, and keeps secrets out of the renderer and the log', async () => {
    const { call, dataDir, lines } = await open();
    const saved = await call('endpoint:save', {
      endpoint: input({ headers: [{ name: 'x-api-key', value: 'sk-123', secret: true }] }),
    });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const view = saved.value.endpoints.find((e) => e.id === saved.value.id)!;
    expect(view.headers).toEqual([{ name: 'x-api-key', value: null, secret: true }]);
    const checked = await call('monitor:retry', { id: saved.value.id });
    expect(checked.ok && checked.value.lastResult?.status).toBe(200);
    expect(lines.join('\n')).not.toContain('sk-123');
    expect(readFileSync(join(dataDir, 'logs', 'breakwatch.log'), 'utf8')).not.toContain('sk-123');

    // Saving again without the secret value keeps the stored one.
    const again = await call('endpoint:save', {
      endpoint: input({
        id: saved.value.id,
        name: 'Orders v2',
        headers: [{ name: 'x-api-key', secret: true }],
      }),
    });
    expect(again.ok).toBe(true);
    const settings = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
    expect(settings.endpoints.find((e: { id: string }) => e.id === saved.value.id).headers[0].value).toBe(
      'sk-123',
    );
  });

  it('rejects bad input whole, naming each field, and changes nothing', async () => {
    const { call, dataDir } = await open();
    const before = readFileSync(join(dataDir, 'settings.json'), 'utf8');
    const result = await call('endpoint:save', {
      endpoint: input({ url: 'file:///etc/passwd', failureThreshold: 0, name: 'x'.repeat(10_000_000) }),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual([
      'endpoint.failureThreshold',
      'endpoint.name',
      'endpoint.url',
    ]);
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe(before);
  });

  it('refuses to import a file of another version or a broken one', async () => {
    const { call, core } = await open();
    for (const text of [
      '{"version": 1, "url": "https://x"}',
      '{"version": 2, "endpoints": [',
      '{"version":2,"endpoints":[],"__proto__":{}}',
    ]) {
      const result = await call('settings:import', { text });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_SETTINGS');
    }
    expect(core.endpoints().map((e) => e.id)).toEqual(['demo']);
  });

  it('duplicates, controls (logged as the user) and removes endpoints', async () => {
    const { call, lines } = await open();
    const saved = await call('endpoint:save', { endpoint: input() });
    if (!saved.ok) throw new Error('save failed');
    const copy = await call('endpoint:duplicate', { id: saved.value.id });
    expect(copy.ok && copy.value.endpoints.map((e) => e.name)).toEqual([
      'Demo Lambda (built-in)',
      'Orders',
      'Orders (copy)',
    ]);
    const held = await call('monitor:control', { id: saved.value.id, action: 'hold' });
    expect(held.ok && held.value.breaker.state).toBe('held-open');
    const history = await call('history:list', { id: saved.value.id, limit: 10, types: ['action'] });
    expect(history.ok && history.value.map((e) => [e.kind, e.actor])).toEqual([['hold', 'user']]);
    // The search matches what the reader sees: Spanish words only when asked in Spanish.
    const search = async (text: string, language?: 'en' | 'es') => {
      const found = await call('history:list', {
        id: saved.value.id,
        limit: 10,
        text,
        ...(language ? { language } : {}),
      });
      return found.ok ? found.value.map((e) => `${e.type}:${e.kind}`) : found.error.code;
    };
    expect(await search('mantenido abierto', 'es')).toEqual(['transition:held-open', 'action:hold']);
    expect(await search('mantenido abierto', 'en')).toEqual([]);
    expect(await search('mantenido abierto')).toEqual([]);
    expect(await search('held open', 'es')).toEqual(['transition:held-open', 'action:hold']);
    expect(await search('x', 'fr' as never)).toBe('INVALID_PAYLOAD');
    expect(lines.some((l) => /\[Orders\] Breaker held open by the user/.test(l))).toBe(true);
    const removed = await call('endpoint:remove', { id: saved.value.id });
    expect(removed.ok && removed.value.map((e) => e.name)).toEqual([
      'Demo Lambda (built-in)',
      'Orders (copy)',
    ]);
    expect((await call('monitor:retry', { id: saved.value.id })).ok).toBe(false);
  });

  it('keeps monitoring in memory when history cannot be written, and says so in a notice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bw-core-'));
    writeFileSync(join(dataDir, 'history'), 'not a folder'); // as a read-only or full disk would fail
    const { call, core } = await open(dataDir);
    const saved = await call('endpoint:save', { endpoint: input() });
    if (!saved.ok) throw new Error('save failed');
    const checked = await call('monitor:retry', { id: saved.value.id });
    expect(checked.ok && checked.value.lastResult?.status).toBe(200);
    await expect.poll(() => core.info().notices.map((n) => n.code)).toContain('STORAGE_FAILED');
    const history = await call('history:list', { id: saved.value.id, limit: 10 });
    expect(history.ok && history.value.length).toBeGreaterThan(0);
  });

  it('a restart on the same data folder keeps endpoints, the open breaker, the last good data and the history', async () => {
    const first = await open();
    const saved = await first.call('endpoint:save', { endpoint: input({ recoveryTimeoutS: 120 }) });
    if (!saved.ok) throw new Error('save failed');
    const id = saved.value.id;
    await first.call('monitor:retry', { id });
    upstream.set({ kind: 'json', status: 500, body: {} });
    await first.call('monitor:retry', { id });
    const opened = await first.call('monitor:retry', { id });
    upstream.set({ kind: 'json', body: { ok: true } });
    if (!opened.ok) throw new Error('retry failed');
    expect(opened.value.breaker.state).toBe('open');
    await first.core.dispose();
    cores.splice(cores.indexOf(first.core), 1);

    const second = await open(first.dataDir);
    const snapshot = second.core.snapshots().find((s) => s.target.id === id)!;
    expect(snapshot.breaker).toMatchObject({ state: 'open', openUntil: opened.value.breaker.openUntil });
    expect(snapshot.lastResult).toMatchObject({ status: 200, restored: true });
    const history = await second.call('history:list', { id, limit: 50 });
    expect(history.ok && history.value.filter((e) => e.type === 'call').length).toBe(3);
    // Metrics are rebuilt from the history.
    expect(snapshot.metrics.recent).toMatchObject({ calls: 3, successes: 1 });
    expect(snapshot.metrics.recent.failures['http-5xx']).toBe(2);
    expect(snapshot.heartbeat.map((beat) => beat.kind)).toEqual(['success', 'failure', 'failure']);
  });
});
