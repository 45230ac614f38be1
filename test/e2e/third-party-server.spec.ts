/**
 * The acceptance sequence against a server not written for Breakwatch:
 * Python's stock `http.server`, serving a folder. Faults are made the way an
 * operator would: delete the file (404 + an HTML error page), corrupt it
 * (invalid JSON), stop the server (connection refused). Requests are counted
 * from the server's own access log.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closedPort } from '../support/fault-server';
import { ACCEPTANCE_ARGS, expect, screenshot, startHost, test, ui, type Host } from './fixtures';

const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : null;
const skipReason = 'python3 is not installed, so there is no third-party HTTP server to test against';
if (!python) console.log(`[third-party-server.spec] ${skipReason}`);

interface PythonServer {
  readonly url: string;
  readonly folder: string;
  /** GETs of the watched file in the server's access log so far. */
  requests(): number;
  stop(): Promise<void>;
}

async function startPythonServer(port: number, folder: string): Promise<PythonServer> {
  let log = '';
  const child: ChildProcess = spawn(python!, ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], {
    cwd: folder,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      async () =>
        fetch(`${url}/`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 10_000 },
    )
    .toBe(200);
  return {
    url,
    folder,
    requests: () => (log.match(/"GET \/data\.json /g) ?? []).length,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

let host: Host | null = null;
let upstream: PythonServer | null = null;
test.afterEach(async () => {
  await host?.stop();
  await upstream?.stop();
  host = null;
  upstream = null;
});

test('the tutorial sequence against Python http.server', async ({ page }) => {
  test.skip(!python, skipReason);
  const folder = mkdtempSync(join(tmpdir(), 'bw-python-'));
  const file = join(folder, 'data.json');
  writeFileSync(file, JSON.stringify({ source: 'python http.server', version: 1 }));
  const port = await closedPort();
  upstream = await startPythonServer(port, folder);
  host = await startHost(['--url', upstream.url, '--endpoint', 'data.json', ...ACCEPTANCE_ARGS]);
  await page.goto(host.url);
  const { state, timer, alert, retry, response } = ui(page);

  await expect(response).toContainText('"source": "python http.server"');
  expect(upstream.requests()).toBe(1);

  rmSync(file);
  await retry.click();
  await expect(alert).toHaveText(
    /^An error occurred while trying to connect to the API: HTTP 404 File not found/,
  );
  await retry.click();
  await expect(state).toHaveAttribute('data-state', 'open');
  await expect(timer).toHaveText(/^[123] s$/);
  expect(upstream.requests()).toBe(3);

  await retry.click();
  await expect(alert).toHaveText(/^The request has failed repeatedly\./);
  expect(upstream.requests()).toBe(3);

  await expect(state).toHaveAttribute('data-state', 'half-open', { timeout: 5_000 });
  expect(upstream.requests()).toBe(3);

  // A corrupt file: the trial fails as invalid JSON and the breaker reopens.
  writeFileSync(file, '{"source": "python http.server", "version": ');
  await retry.click();
  await expect(state).toHaveAttribute('data-state', 'open');
  await expect(alert).toHaveText(/Invalid JSON in response/);
  expect(upstream.requests()).toBe(4);

  await expect(state).toHaveAttribute('data-state', 'half-open', { timeout: 5_000 });
  writeFileSync(file, JSON.stringify({ source: 'python http.server', version: 2 }));
  await retry.click();
  await expect(state).toHaveAttribute('data-state', 'closed');
  await expect(response).toContainText('"version": 2');
  await expect(alert).toHaveCount(0);
  expect(upstream.requests()).toBe(5);

  // The server goes away: connection refused.
  await upstream.stop();
  await retry.click();
  await expect(alert).toHaveText(/Connection refused/);
  await screenshot(page, 'python-refused');
});
