/**
 * `npm run audit:electron`: Electronegativity over the sources, with the
 * Electron version pinned. Fails on any MEDIUM-or-above finding that is not in
 * security/electronegativity-allowlist.json with its reason, and prints the
 * findings by severity before and after the allow-list.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const root = join(import.meta.dirname, '..');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version as string;
const out = join(mkdtempSync(join(tmpdir(), 'bw-audit-')), 'findings.csv');
const run = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js'),
    '--input',
    join(root, 'src'),
    '--electron-version',
    electronVersion,
    '--relative',
    // This check downloads Electron's release list; the version is pinned and
    // kept current by the dependency updates instead.
    '--exclude-checks',
    'AvailableSecurityFixesGlobalCheck',
    '--output',
    out,
    '--verbose',
    'false',
  ],
  { cwd: root, encoding: 'utf8' },
);
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}

interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  filename: string;
  location: string;
  description: string;
}
const findings = parse(readFileSync(out, 'utf8'), { columns: true, trim: true }) as Finding[];
const allow = JSON.parse(
  readFileSync(join(root, 'security', 'electronegativity-allowlist.json'), 'utf8'),
) as {
  check: string;
  file: string;
  reason: string;
}[];
const SEVERE = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);
const allowed = (f: Finding) =>
  allow.some((a) => a.check === f.issue && a.file === f.filename && a.reason.trim().length > 20);
const count = (list: Finding[]) =>
  ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']
    .map((s) => `${s} ${list.filter((f) => f.severity === s).length}`)
    .join(', ');

const blocking = findings.filter((f) => SEVERE.has(f.severity) && !allowed(f));
console.log(
  `Electronegativity (Electron ${electronVersion}): ${findings.length} findings — ${count(findings)}`,
);
console.log(`After the allow-list: ${count(findings.filter((f) => !allowed(f)))}`);
for (const f of findings) {
  const mark = allowed(f) ? 'allowed' : SEVERE.has(f.severity) ? 'BLOCKING' : 'note';
  console.log(`  [${mark}] ${f.severity} ${f.issue} ${f.filename}:${f.location}`);
}
if (blocking.length > 0) {
  console.error(`${blocking.length} finding(s) of MEDIUM or above are not allow-listed with a reason.`);
  process.exit(1);
}
