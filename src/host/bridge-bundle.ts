/** Bundles the browser-side bridge (src/host/browser-bridge.ts) into one script. */
import { join } from 'node:path';
import { build } from 'esbuild';

export async function bundleBridge(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src', 'host', 'browser-bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
