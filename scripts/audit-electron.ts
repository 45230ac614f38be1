/**
 * `npm run audit:electron`: Electronegativity over the sources, with the
 * Electron version pinned. Fails on any MEDIUM-or-above finding that is not in
 * security/electronegativity-allowlist.json with its reason, and prints the
 * findings by severity before and after the allow-list.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version as string;
// Electronegativity's runner, called directly: its CSV writer races its own
// header write and sometimes truncates the file, so the issues are read from
// the returned value instead.
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js') as (
  options: object,
  forCli: boolean,
) => Promise<{
  issues: {
    id: string;
    severity: { name: string };
    file: string;
    location: { line: number; column: number };
  }[];
}>;
const result = await run(
  {
    input: join(root, 'src'),
    isRelative: true,
    isSarif: false,
    // This check downloads Electron's release list; the version is pinned and
    // kept current by the dependency updates instead.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: electronVersion,
    parserPlugins: [],
    isVerbose: false,
  },
  false,
);

interface Finding {
  issue: string;
  severity: string;
  filename: string;
  location: string;
}
const findings: Finding[] = result.issues.map((issue) => ({
  issue: issue.id,
  severity: issue.severity.name,
  filename: issue.file,
  location: `${issue.location.line}:${issue.location.column}`,
}));
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
