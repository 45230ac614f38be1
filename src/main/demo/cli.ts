/**
 * `npm run demo-lambda -- [--port N] [--fault MODE]`: the demo Lambda alone,
 * to point Breakwatch (or curl) at. Type a fault name and Enter to switch.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { FAULT_MODES, type FaultMode } from '../../shared/model';
import { startDemoLambda } from './api-gateway';

const isFault = (value: unknown): value is FaultMode => (FAULT_MODES as readonly unknown[]).includes(value);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, fault: { type: 'string', default: 'healthy' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port: not a port number: ${values.port}`);
  if (!isFault(values.fault)) throw new Error(`--fault: must be one of ${FAULT_MODES.join(', ')}`);
  const demo = await startDemoLambda({ port, initialFault: values.fault });
  console.log(`Demo Lambda on ${demo.url} (fault: ${demo.fault})`);
  console.log(`Type one of ${FAULT_MODES.join(' | ')} and Enter to switch; Ctrl+C to stop.`);

  createInterface({ input: process.stdin }).on('line', (line) => {
    const mode = line.trim();
    if (!isFault(mode)) return console.log(`Unknown fault "${mode}"`);
    void demo.setFault(mode).then(() => console.log(`Fault: ${mode}`));
  });
  process.on('SIGINT', () => void demo.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(2);
});
