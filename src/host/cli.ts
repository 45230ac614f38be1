/**
 * `npm run serve -- [options]`: the browser host. Same core, same renderer,
 * any browser; prints the URL to open. Options: see src/main/options.ts.
 */
import { resolve } from 'node:path';
import { createAppCore } from '../main/app-core';
import { defaultDataDir } from '../main/data-dir';
import { OptionsError, parseOptions } from '../main/options';
import { bundleBridge } from './bridge-bundle';
import { ensureRendererBuilt } from './renderer-build';
import { startHostServer } from './server';

const root = resolve(import.meta.dirname, '..', '..');

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env, { strict: true });
  const rendererDir = ensureRendererBuilt(root, (message) => console.log(message));
  const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
  const core = await createAppCore(options, {
    dataDir: options.dataDir ?? defaultDataDir(),
    version,
    locale: null,
  });
  const host = await startHostServer({
    core,
    rendererDir,
    bridgeScript: await bundleBridge(root),
    port: options.port,
  });
  core.logger.info(`Browser host ready; logging to ${core.logger.filePath ?? 'stdout only'}`);
  console.log(`\nBreakwatch is running. Open this URL in a browser:\n\n  ${host.url}\n`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    core.logger.info(`Received ${signal}; shutting down`);
    void host
      .close()
      .then(() => core.dispose())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof OptionsError ? error.message : error);
  process.exit(error instanceof OptionsError ? 2 : 1);
});
