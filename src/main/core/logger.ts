/**
 * Logging as the tutorial configures it: INFO level, timestamps
 * `YYYY-MM-DD HH:MM:SS +ZZZZ`, to stdout and to a log file. A log file that
 * cannot be opened never stops the app: it says so once and logs to stdout.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
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

export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? writeStdout;
  const now = options.now ?? (() => new Date());
  let file: WriteStream | null = null;
  let filePath: string | null = null;

  if (options.filePath) {
    try {
      mkdirSync(dirname(options.filePath), { recursive: true });
      file = createWriteStream(options.filePath, { flags: 'a' });
      filePath = options.filePath;
      file.on('error', (error) => {
        write(
          formatLogLine(
            now(),
            'WARNING',
            `Log file ${filePath} failed (${error.message}); logging to stdout only`,
          ),
        );
        file = null;
        filePath = null;
      });
    } catch (error) {
      write(
        formatLogLine(
          now(),
          'WARNING',
          `Cannot open log file ${options.filePath} (${(error as Error).message}); logging to stdout only`,
        ),
      );
    }
  }

  const log = (level: LogLevel, message: string): void => {
    const line = formatLogLine(now(), level, message);
    write(line);
    file?.write(`${line}\n`);
  };

  return {
    info: (message) => log('INFO', message),
    warn: (message) => log('WARNING', message),
    error: (message) => log('ERROR', message),
    get filePath() {
      return filePath;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!file) return resolve();
        file.end(() => resolve());
        file = null;
      }),
  };
}
