/**
 * The installer configuration: targets, hardened fuses, and an asar that
 * carries only what the main process needs at run time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('names the app and builds AppImage + deb, NSIS and dmg', () => {
    expect(config.appId).toBe('dev.breakwatch.app');
    expect(config.productName).toBe('Breakwatch');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const platform of ['linux', 'win', 'mac']) expect(config[platform].icon).toBe('resources/icon.png');
  });

  it('hardens the Electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      // The page comes from app://breakwatch, so file:// keeps no extra powers.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps bundled libraries out of the asar: runtime dependencies are only what main loads', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      'cockatiel',
      'csv-stringify',
      'got',
      'write-file-atomic',
      'zod',
    ]);
    for (const bundled of ['react', 'react-dom', 'zustand', 'electron', 'ws']) {
      expect(pkg.devDependencies[bundled], bundled).toBeDefined();
    }
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('!src/**');
  });

  it('ships a tray icon per state, for every platform', () => {
    for (const state of ['closed', 'open', 'half-open', 'held-open']) {
      for (const file of [
        `${state}.png`,
        `${state}@2x.png`,
        `${state}Template.png`,
        `${state}Template@2x.png`,
      ]) {
        expect(() => readFileSync(join(root, 'resources', 'tray', file)), file).not.toThrow();
      }
    }
  });

  it('has the dist scripts', () => {
    for (const platform of ['linux', 'win', 'mac'])
      expect(pkg.scripts[`dist:${platform}`]).toContain('electron-builder');
  });
});

describe('main-process bundle', () => {
  it('requires only runtime dependencies and Node or Electron built-ins', () => {
    const main = readFileSync(join(root, 'out', 'main', 'index.js'), 'utf8');
    const imported = [...main.matchAll(/(?:from\s+|import\(\s*)["']([^"'.][^"']*)["']/g)].map((m) => m[1]!);
    const allowed = new Set([...Object.keys(pkg.dependencies), 'electron']);
    for (const specifier of imported) {
      const name = specifier.startsWith('@')
        ? specifier.split('/').slice(0, 2).join('/')
        : specifier.split('/')[0]!;
      expect(specifier.startsWith('node:') || allowed.has(name), specifier).toBe(true);
    }
  });
});
