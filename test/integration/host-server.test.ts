/**
 * The browser host: the real core behind a real HTTP + WebSocket server,
 * checked for what it serves and for whom it opens the bridge.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAppCore, type AppCore } from '../../src/main/app-core';
import { startHostServer, type HostServer } from '../../src/host/server';
import { DEFAULT_OPTIONS } from '../../src/main/options';
import type { HostServerMessage } from '../../src/shared/contract';
import { startFaultServer, type FaultServer } from '../support/fault-server';

let upstream: FaultServer;
let core: AppCore;
let host: HostServer;
const base = () => `http://127.0.0.1:${host.port}`;

beforeAll(async () => {
  upstream = await startFaultServer({ kind: 'json', body: { hello: 'host' } });
  const rendererDir = mkdtempSync(join(tmpdir(), 'bw-renderer-'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)');
  core = await createAppCore(
    { ...DEFAULT_OPTIONS, url: upstream.url, intervalMs: 0 },
    {
      dataDir: mkdtempSync(join(tmpdir(), 'bw-data-')),
      version: '0.0.0-test',
      locale: null,
      logWrite: () => {},
    },
  );
  host = await startHostServer({ core, rendererDir, bridgeScript: 'window.bridge = 1;', port: 0 });
});
afterAll(async () => {
  await host.close();
  await core.dispose();
  await upstream.close();
});

function connect(options: { token?: string; origin?: string } = {}) {
  const token = options.token ?? host.token;
  return new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, {
    headers: { origin: options.origin ?? base() },
  });
}

function refusedStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function messages(ws: WebSocket) {
  const received: HostServerMessage[] = [];
  ws.on('message', (data) => received.push(JSON.parse(String(data)) as HostServerMessage));
  return received;
}

describe('browser host HTTP', () => {
  it('serves the renderer with the bridge injected and a strict CSP', async () => {
    const response = await fetch(`${base()}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<script src="./breakwatch-bridge.js"></script>');
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src ws://127.0.0.1:${host.port}`);
    expect(csp).not.toContain('unsafe');
    expect(await (await fetch(`${base()}/breakwatch-bridge.js`)).text()).toBe('window.bridge = 1;');
  });

  it('refuses other Host headers (DNS rebinding) and paths outside the renderer', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example' } }, (res) =>
        resolve(res.statusCode ?? 0),
      ).end();
    });
    expect(status).toBe(421);
    expect((await fetch(`${base()}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${base()}/app.js`)).status).toBe(200);
    expect((await fetch(`${base()}/`, { method: 'POST', body: 'x' })).status).toBe(405);
    const missing = await fetch(`${base()}/missing.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('browser host WebSocket', () => {
  it('refuses a wrong token and a foreign Origin', async () => {
    expect(await refusedStatus(connect({ token: 'wrong' }))).toBe(403);
    expect(await refusedStatus(connect({ origin: 'https://evil.example' }))).toBe(403);
    expect(await refusedStatus(connect({ origin: 'null' }))).toBe(403);
  });

  it('pushes the current state on connect and answers invokes with envelopes', async () => {
    const ws = connect();
    const received = messages(ws);
    await new Promise((resolve) => ws.once('open', resolve));
    await expect.poll(() => received.length).toBeGreaterThanOrEqual(4);
    expect(received.slice(0, 4).map((m) => (m.type === 'event' ? m.channel : m.type))).toEqual([
      'app:info',
      'settings:changed',
      'monitor:snapshot',
      'monitor:snapshot',
    ]);

    upstream.resetCount();
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'monitor:retry', argument: { id: 'cli' } }));
    ws.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'monitor:retry', argument: { id: 7 } }));
    ws.send(JSON.stringify({ type: 'invoke', id: 3, channel: 'fs:read', argument: '/etc/passwd' }));
    await expect.poll(() => received.filter((m) => m.type === 'result').length).toBe(3);
    const results = Object.fromEntries(
      received.flatMap((m) => (m.type === 'result' ? [[m.id, m.envelope] as const] : [])),
    );
    expect(results[1], JSON.stringify(results[1])).toMatchObject({
      ok: true,
      value: { lastResult: { status: 200 } },
    });
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(results[3]).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(upstream.requests).toBe(1);
    ws.close();
  });

  it('closes the connection on a malformed message', async () => {
    const ws = connect();
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{"type":"invoke","id":"one"}');
    expect(await closed).toBe(1008);
  });
});
