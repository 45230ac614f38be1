/**
 * Property-based IPC fuzzing: at least 1 000 generated malformed payloads per
 * invoke channel (wrong types, huge strings, deep nesting, prototype-pollution
 * keys, NaN/Infinity, unknown fields) against the real core. Each must get an
 * error envelope naming the problem; nothing may throw, and neither the
 * settings nor any breaker may change.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../src/main/app-core';
import { dispatchInvoke } from '../../src/main/ipc/dispatch';
import { DEFAULT_OPTIONS } from '../../src/main/options';
import { INVOKE_CHANNELS, invokeSchemas } from '../../src/shared/contract';

const RUNS = 1_000;
let core: AppCore;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bw-fuzz-'));
  core = await createAppCore(
    { ...DEFAULT_OPTIONS, intervalMs: 0 },
    { dataDir, version: 'fuzz', locale: null, logWrite: () => {} },
  );
});
afterAll(() => core.dispose());

const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'id',
  'action',
  'endpoint',
  'text',
  'mode',
);
const hostileLeaf = fc.oneof(
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, null, undefined, true, '', 'demo', 1e308),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.bigInt().map((n) => Number(n % 1000n)),
  fc.nat(200_000).map((n) => 'x'.repeat(n)),
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    hostileLeaf,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), tie('tree'), { maxKeys: 5 }),
  ),
}));
const deep = fc.nat(5_000).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { id: value };
  return value;
});
const withProtoKey = fc
  .record({ id: fc.constantFrom('demo', 'x'), action: fc.constantFrom('hold', 'reset') })
  .map(
    (base) =>
      JSON.parse(
        `{"__proto__": {"polluted": true}, "id": "${base.id}", "action": "${base.action}"}`,
      ) as unknown,
  );
const withUnknownField = fc.record({ id: fc.constant('demo'), extra: hostileLeaf });
const payload = fc.oneof(
  tree,
  fc.anything({ withNullPrototype: true, withObjectString: true }),
  deep,
  withProtoKey,
  withUnknownField,
);

describe('IPC fuzzing', () => {
  it(`answers ${RUNS} malformed payloads per channel with an error envelope and changes nothing`, async () => {
    const settingsBefore = readFileSync(join(dataDir, 'settings.json'), 'utf8');
    const breakersBefore = JSON.stringify(core.snapshots().map((s) => s.breaker));
    let fuzzed = 0;
    for (const channel of INVOKE_CHANNELS) {
      const schema = invokeSchemas[channel];
      await fc.assert(
        fc.asyncProperty(payload, async (argument) => {
          fc.pre(!schema.safeParse(argument).success); // only malformed payloads
          fuzzed += 1;
          const envelope = await dispatchInvoke(core.handlers, channel, argument);
          expect(envelope.ok).toBe(false);
          if (envelope.ok) return;
          expect(envelope.error.code).toBe('INVALID_PAYLOAD');
          expect(envelope.error.message).toMatch(new RegExp(`^Invalid argument for ${channel}: \\S`));
          expect(Object.keys(envelope.error.fields ?? {}).length).toBeGreaterThan(0);
        }),
        { numRuns: RUNS, seed: 20261204, endOnFailure: true },
      );
    }
    expect(fuzzed).toBeGreaterThanOrEqual(INVOKE_CHANNELS.length * RUNS * 0.9);
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe(settingsBefore);
    expect(JSON.stringify(core.snapshots().map((s) => s.breaker))).toBe(breakersBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    console.log(`IPC fuzzing: ${fuzzed} malformed payloads over ${INVOKE_CHANNELS.length} channels`);
  }, 120_000);
});
