/**
 * Playwright fixtures: a fault server per test and a browser host started
 * exactly as a user would, with `npm run serve -- …`, pointed at it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startFaultServer, type FaultServer } from '../support/fault-server';

export interface Host {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** Starts `npm run serve -- <args>` and waits for the URL it prints. */
export async function startHost(
  args: string[],
  dataDir = mkdtempSync(join(tmpdir(), 'bw-e2e-')),
): Promise<Host> {
  const child: ChildProcess = spawn('npm', ['run', 'serve', '--', '--data-dir', dataDir, ...args], {
    cwd: process.cwd(),
    detached: true, // own process group: npm → tsx → node all stop together
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Host did not start in 60 s:\n${output}`)), 60_000);
    const look = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => reject(new Error(`Host exited with ${code}:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}

/** The options of the acceptance run. */
export const ACCEPTANCE_ARGS = [
  '--failure-threshold',
  '2',
  '--recovery-timeout',
  '3',
  '--timeout',
  '2',
  '--interval',
  '0',
];

export const test = base.extend<{ upstream: FaultServer; pageErrors: void }>({
  // Any uncaught error in the page fails the test, with its message.
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
      await use();
      expect(errors, errors.join('\n')).toEqual([]);
    },
    { auto: true },
  ],
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  upstream: async ({}, use) => {
    const server = await startFaultServer({ kind: 'json', body: { greeting: 'hello', items: [1, 2, 3] } });
    await use(server);
    await server.close();
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  // The history card loads a moment after the rest: shoot it filled, as a user sees it.
  const history = page.locator('section.history');
  if ((await history.count()) > 0) await expect(history.locator('table, .empty').first()).toBeVisible();
  await page.screenshot({ path: join('test-results', 'screenshots', `${name}.png`), fullPage: true });
}

/** The accessible pieces the tests (and screen readers) rely on. */
export function ui(page: Page) {
  return {
    state: page.locator('[role="status"][data-state]'),
    timer: page.getByRole('timer'),
    alert: page.getByRole('alert'),
    retry: page.getByRole('button', { name: /^(Retry|Reintentar)$/ }),
    response: page.getByRole('region', { name: /^(Response|Respuesta)$/ }),
  };
}
