/**
 * The platform's per-user data folder for Breakwatch outside Electron (the
 * browser host). Electron's app.getPath('userData') gives the same places.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Breakwatch');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Breakwatch');
  return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'Breakwatch');
}
