/**
 * Logging as the tutorial configures it: INFO level, timestamps
 * `YYYY-MM-DD HH:MM:SS +ZZZZ`, to stdout and to a log file. A log file that
 * cannot be opened never stops the app: it says so once and logs to stdout.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'INFO' | 'WARNING' | 'ERROR';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Where the file log goes, or null if it could not be opened. */
  readonly filePath: string | null;
  close(): Promise<void>;
}

export interface LoggerOptions {
  /** Log file; omitted: stdout only. */
  readonly filePath?: string;
  /** Where lines go besides the file (defaults to stdout). */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
  /** Rotation limits (tests use small ones). */
  readonly rotation?: { readonly maxBytes: number; readonly keep: number };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Local time as `YYYY-MM-DD HH:MM:SS +ZZZZ` (Python's `%Y-%m-%d %H:%M:%S %z`). */
export function formatLogTimestamp(date: Date): string {
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const absolute = Math.abs(offsetMinutes);
  const zone = `${sign}${pad(Math.floor(absolute / 60))}${pad(absolute % 60)}`;
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${day} ${time} ${zone}`;
}

export function formatLogLine(date: Date, level: LogLevel, message: string): string {
  // One event per line: newlines inside a message would forge log entries.
  return `${formatLogTimestamp(date)} ${level} ${message.replace(/[\r\n]+/g, ' ')}`;
}

let stdoutBroken = false;
/** stdout may be a closed pipe (a parent that went away): logging must never crash the app. */
function writeStdout(line: string): void {
  if (stdoutBroken) return;
  if (process.stdout.listenerCount('error') === 0) {
    process.stdout.on('error', () => {
      stdoutBroken = true;
    });
  }
  process.stdout.write(`${line}\n`);
}

/** Size at which the log file is rotated, and how many old files are kept. */
export const LOG_ROTATION = { maxBytes: 5 * 1024 * 1024, keep: 3 } as const;

function rotate(filePath: string, keep: number): void {
  for (let i = keep - 1; i >= 1; i -= 1) {
    if (existsSync(`${filePath}.${i}`)) renameSync(`${filePath}.${i}`, `${filePath}.${i + 1}`);
  }
  if (existsSync(filePath)) renameSync(filePath, `${filePath}.1`);
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? writeStdout;
  const now = options.now ?? (() => new Date());
  const rotation = options.rotation ?? LOG_ROTATION;
  // Synchronous appends: a line is on disk before the next event, even if
  // the app crashes right after, and rotation never races a pending write.
  let fd: number | null = null;
  let filePath: string | null = null;
  let size = 0;

  const open = (path: string) => {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'a');
    size = fstatSync(fd).size;
    filePath = path;
  };
  const giveUp = (path: string, why: string) => {
    if (fd !== null) closeSync(fd);
    fd = null;
    filePath = null;
    write(formatLogLine(now(), 'WARNING', `Log file ${path} ${why}; logging to stdout only`));
  };

  if (options.filePath) {
    try {
      open(options.filePath);
    } catch (error) {
      giveUp(options.filePath, `cannot be opened (${(error as Error).message})`);
    }
  }

  const log = (level: LogLevel, message: string): void => {
    const line = `${formatLogLine(now(), level, message)}\n`;
    write(line.slice(0, -1));
    if (fd === null || filePath === null) return;
    const path = filePath;
    try {
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > rotation.maxBytes) {
        closeSync(fd);
        fd = null;
        rotate(path, rotation.keep);
        open(path);
      }
      writeSync(fd!, line);
      size += bytes;
    } catch (error) {
      giveUp(path, `failed (${(error as Error).message})`);
    }
  };

  return {
    info: (message) => log('INFO', message),
    warn: (message) => log('WARNING', message),
    error: (message) => log('ERROR', message),
    get filePath() {
      return filePath;
    },
    close: async () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
