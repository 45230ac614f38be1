/**
 * A loopback port that drops connection attempts, as a firewalled or
 * powered-off host does, so a client's connect hangs until its own timeout.
 * No root or iptables: a listener that never accepts (Python's socket, as
 * Node always accepts) with a backlog of 0, whose one accept-queue slot we
 * take; Linux then drops every further SYN.
 */
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';

export interface DroppingPort {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

const LISTENER = [
  'import socket, sys',
  's = socket.socket()',
  "s.bind(('127.0.0.1', 0))",
  's.listen(0)',
  'print(s.getsockname()[1], flush=True)',
  'sys.stdin.read()',
].join('\n');

/** Resolves true once connected, false if the SYN went unanswered for `waitMs`. */
function tryConnect(port: number, sockets: Socket[], waitMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    const timer = setTimeout(() => resolve(false), waitMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export async function startDroppingPort(): Promise<DroppingPort> {
  const listener = spawn('python3', ['-c', LISTENER], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    listener.once('error', reject);
    listener.stdout.once('data', (data) => resolve(Number(String(data).trim())));
  });
  const fillers: Socket[] = [];
  const close = async () => {
    for (const socket of fillers) socket.destroy();
    listener.kill();
  };
  // Fill the queue until a connect hangs: proof that SYNs are now dropped.
  for (let attempt = 0; attempt < 8; attempt += 1) {
    if (!(await tryConnect(port, fillers, 300))) return { port, url: `http://127.0.0.1:${port}/`, close };
  }
  await close();
  throw new Error(`Port ${port} kept accepting connections; cannot simulate dropped SYNs here`);
}
