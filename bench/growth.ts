/**
 * `npm run bench:growth`: the cost of one check (with its two snapshot
 * publishes) must stay flat as endpoints and history grow — history is
 * never copied into snapshots. An instant fake client isolates the
 * monitor's own work from the network.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryLog } from '../src/main/core/history';
import { Monitor } from '../src/main/core/monitor';
import { FAILURE_CATEGORIES } from '../src/shared/model';

const silent = { info() {}, warn() {}, error() {}, filePath: null, close: async () => {} };
const data = { message: 'ok', items: [1, 2, 3] };
const client = {
  options: { timeoutMs: 1000, maxBytes: 1024 },
  getJson: async () => ({ status: 200, data, bytes: 40, latencyMs: 0.2, headers: {} }),
};

async function monitors(count: number, history: HistoryLog | null) {
  return Array.from(
    { length: count },
    (_, i) =>
      new Monitor({
        target: { id: `e${i}`, name: `e${i}`, url: 'http://127.0.0.1/', isDemo: false },
        client,
        failureThreshold: 2,
        recoveryTimeoutMs: 10_000,
        intervalMs: 0,
        countedCategories: new Set(FAILURE_CATEGORIES),
        logger: silent,
        history,
      }),
  );
}

/** µs per check, median of 5 rounds of `checks` checks spread over the monitors. */
async function costPerCheck(list: Monitor[], checks: number): Promise<number> {
  const rounds: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const started = performance.now();
    for (let i = 0; i < checks; i += 1) await list[i % list.length]!.check('user');
    rounds.push(((performance.now() - started) / checks) * 1000);
  }
  return rounds.sort((a, b) => a - b)[2]!;
}

async function main() {
  console.log(`Check + publish cost vs size — ${new Date().toISOString()}, Node ${process.version}`);
  console.log('| endpoints | history events | µs per check | vs smallest |');
  console.log('| ---: | ---: | ---: | ---: |');
  let base = 0;
  for (const [endpoints, events] of [
    [1, 100],
    [10, 100],
    [100, 100],
    [1, 10_000],
    [1, 50_000],
  ] as const) {
    const history = await HistoryLog.open(
      join(mkdtempSync(join(tmpdir(), 'bw-growth-')), 'h.jsonl'),
      () => {},
    );
    for (let i = 0; i < events; i += 1) {
      history.append({
        at: Date.now() - events + i,
        type: 'call',
        kind: 'success',
        status: 200,
        latencyMs: 1,
        message: 'HTTP 200',
        actor: 'schedule',
      });
    }
    await history.flush();
    const list = await monitors(endpoints, history);
    for (const m of list) await m.check('user'); // warm-up
    const cost = await costPerCheck(list, 2_000);
    base ||= cost;
    console.log(
      `| ${endpoints} | ${events.toLocaleString('en')} | ${cost.toFixed(1)} | ${(cost / base).toFixed(2)}× |`,
    );
    list.forEach((m) => m.stop());
  }
}

void main();
