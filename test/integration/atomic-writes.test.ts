/**
 * Nothing lost: a process saving settings is killed (SIGKILL) in the middle of
 * its writes, many times; every time, the file is a complete settings file,
 * the old one or the new one, never a torn one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSettings } from '../../src/main/settings/store';
import { plainCodec } from '../../src/main/settings/secrets';

const KILLS = 12;
const root = join(import.meta.dirname, '..', '..');

function runAndKill(dataDir: string, afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'test', 'support', 'settings-writer.ts'), dataDir],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited by itself (${signal})`)),
    );
  });
}

describe('atomic settings writes', () => {
  it(`survive ${KILLS} kills in the middle of writing`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bw-atomic-'));
    const seen = new Set<string>();
    for (let i = 0; i < KILLS; i += 1) {
      await runAndKill(dataDir, 5 + ((i * 37) % 60));
      const text = readFileSync(join(dataDir, 'settings.json'), 'utf8');
      const settings = decodeSettings(text, plainCodec, { migrateOld: false }); // throws if torn
      expect(settings.endpoints).toHaveLength(150);
      seen.add(settings.endpoints[0]!.name);
    }
    // Every kill left one complete generation, never a mix or a torn file.
    expect([...seen].every((name) => /^Generation [01] endpoint 0$/.test(name))).toBe(true);
  }, 60_000);
});
