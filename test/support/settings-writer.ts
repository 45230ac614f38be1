/**
 * A child process for the kill-during-write test: saves settings through the
 * real SettingsStore in a tight loop, alternating between two versions, until
 * it is killed. Prints "ready" once it has started writing.
 */
import { SettingsStore } from '../../src/main/settings/store';
import { plainCodec } from '../../src/main/settings/secrets';
import { ENDPOINT_DEFAULTS } from '../../src/shared/settings';

const dataDir = process.argv[2]!;
const { store } = await SettingsStore.open(dataDir, plainCodec);
const version = (n: number) => ({
  ...store.settings,
  endpoints: Array.from({ length: 150 }, (_, i) => ({
    ...ENDPOINT_DEFAULTS,
    id: `ep-${i}`,
    name: `Generation ${n} endpoint ${i}`,
    kind: 'http' as const,
    url: `https://api${i}.example.com/health`,
  })),
});
let generation = 0;
for (;;) {
  await store.replace(version(generation % 2));
  if (generation === 0) process.stdout.write('ready\n');
  generation += 1;
}
