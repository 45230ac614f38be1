/**
 * Makes sure a built renderer exists and is not older than its sources, so
 * `npm run serve` works on a fresh clone and never serves a stale page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Returns the renderer folder, building it first if missing or stale. */
export function ensureRendererBuilt(root: string, log: (message: string) => void): string {
  const outDir = join(root, 'out', 'renderer');
  const index = join(outDir, 'index.html');
  const sources = [join(root, 'src', 'renderer'), join(root, 'src', 'shared')].filter(existsSync);
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const stale = builtAt === 0 || sources.some((folder) => newestMtime(folder) > builtAt);
  if (stale && sources.length > 0) {
    log(builtAt === 0 ? 'Building the renderer (first run)…' : 'Renderer sources changed; rebuilding…');
    const result = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (result.status !== 0) throw new Error('electron-vite build failed; see the output above');
  }
  if (!existsSync(index)) throw new Error(`No built renderer at ${index}`);
  return outDir;
}
