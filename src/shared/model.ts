import type { Preferences } from './settings';

/**
 * The domain vocabulary shared by the main process and the renderer.
 * Types only (plus a few constant lists): no Node or DOM APIs here.
 */

/** The tutorial's three states, plus held open by the user (isolated). */
export type BreakerState = 'closed' | 'open' | 'half-open' | 'held-open';

/** How bad each state is (higher is worse): the sidebar sorts by it, the tray shows the worst. */
export const BREAKER_SEVERITY: Readonly<Record<BreakerState, number>> = {
  closed: 1,
  'half-open': 2,
  'held-open': 3,
  open: 4,
};

/**
 * Groups of request failures. Which groups count toward the breaker is
 * configurable; by default all of them do, as `requests.RequestException` does.
 */
export const FAILURE_CATEGORIES = [
  'connection',
  'timeout',
  'http-5xx',
  'http-4xx',
  'invalid-response',
] as const;
export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

/**
 * How the user sees an error:
 * - `breaker-open`: rejected by the open breaker, no request was sent;
 * - `request-failed`: the request was sent and failed (an expected failure);
 * - `unexpected`: a bug or a failure outside the configured categories.
 */
export type ErrorKind = 'breaker-open' | 'request-failed' | 'unexpected';

/** Stable error codes; the renderer localises messages from these. */
export const ERROR_CODES = [
  'BREAKER_OPEN',
  'CONNECTION_REFUSED',
  'CONNECTION_RESET',
  'DNS_FAILURE',
  'TLS_FAILURE',
  'CONNECTION_FAILED',
  'TIMEOUT',
  'HTTP_STATUS',
  'INVALID_JSON',
  'RESPONSE_TOO_LARGE',
  'TOO_MANY_REDIRECTS',
  'REDIRECT_OFF_ORIGIN',
  'UNEXPECTED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The last error a monitor saw, ready to show. */
export interface ErrorInfo {
  readonly kind: ErrorKind;
  readonly code: ErrorCode;
  /** Failure group; null for breaker-open and unexpected errors. */
  readonly category: FailureCategory | null;
  /** English, user-facing message (the tutorial's wording). */
  readonly message: string;
  /** Technical detail, e.g. "HTTP 500 Internal Server Error". */
  readonly detail: string;
  /** HTTP status when the server answered. */
  readonly status: number | null;
  /** Whether this failure counted toward the breaker's threshold. */
  readonly counted: boolean;
  /** Wall-clock time (ms since epoch) when the error happened. */
  readonly at: number;
}

/** The last successful response of a monitor. */
export interface ResultInfo {
  readonly status: number;
  /** The JSON body, pretty-printed; shown as text, never as HTML. */
  readonly body: string;
  /** True when `body` was shortened for display. */
  readonly truncated: boolean;
  /** Size of the body on the wire after decompression, in bytes. */
  readonly bytes: number;
  readonly receivedAt: number;
  readonly latencyMs: number;
  /** True when loaded from disk at start, not fetched in this session. */
  readonly restored?: boolean;
}

/** The breaker part of a snapshot. Times are wall-clock ms since epoch. */
export interface BreakerSnapshot {
  readonly state: BreakerState;
  readonly consecutiveFailures: number;
  readonly failureThreshold: number;
  readonly recoveryTimeoutMs: number;
  readonly openedAt: number | null;
  /** When the breaker will turn half-open; null unless open. */
  readonly openUntil: number | null;
}

/** A target the monitor can watch. */
export interface Target {
  readonly id: string;
  readonly name: string;
  /** The full URL that is requested (`<base URL>/<endpoint>`). */
  readonly url: string;
  /** True for the built-in demo Lambda, which has a fault switch. */
  readonly isDemo: boolean;
  readonly method?: 'GET' | 'POST';
}

/** Immutable state of one monitor, published after every change. */
export interface MonitorSnapshot {
  /** Increases with every published snapshot. */
  readonly seq: number;
  readonly target: Target;
  readonly breaker: BreakerSnapshot;
  readonly inFlight: boolean;
  /** Scheduled checks suspended by the user (Retry still works). */
  readonly paused: boolean;
  /** The last good response: kept (and shown as stale) while checks fail. */
  readonly lastResult: ResultInfo | null;
  /** The outcome of the most recent check when it failed; null after a success. */
  readonly lastError: ErrorInfo | null;
  readonly lastCheckAt: number | null;
  /** Scheduled check interval in ms; 0 means manual checks only. */
  readonly intervalMs: number;
  readonly nextCheckAt: number | null;
  readonly metrics: MetricsSummary;
  /** The last 60 outcomes, oldest first. */
  readonly heartbeat: readonly CallOutcome[];
}

/** Behaviours of the built-in demo Lambda. */
export const FAULT_MODES = ['healthy', 'down', 'slow', 'http-500', 'invalid-json', 'flaky'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** Static facts about the running app, and the switches it offers. */
export interface AppInfo {
  readonly version: string;
  /** Locale chosen by the host (Electron's app.getLocale()); null: use the browser's. */
  readonly locale: string | null;
  /** The endpoint to show first (the command-line one, if any). */
  readonly initialEndpointId: string | null;
  /** Current demo Lambda fault; null when the demo is not running. */
  readonly demoFault: FaultMode | null;
  /** URLs for the form's presets. */
  readonly presets: { readonly demoUrl: string | null; readonly tutorialUrl: string };
  /** True when secret header values are encrypted at rest (OS keychain). */
  readonly secretsEncrypted: boolean;
  readonly notices: readonly Notice[];
  readonly preferences: Preferences;
  /** Where Breakwatch runs: the desktop app, or the browser host. */
  readonly host: 'desktop' | 'browser';
  /** Versions for the About box and diagnostics. */
  readonly versions: Readonly<Record<string, string>>;
  /** The log file, when there is one. */
  readonly logFile: string | null;
}

/** Something the user must know about, shown until dismissed. */
export interface Notice {
  readonly code: 'SETTINGS_RESET' | 'SECRETS_PLAIN' | 'STATE_RESET' | 'STORAGE_FAILED';
  readonly message: string;
}

/** One call as the metrics and the heartbeat bar see it. */
export interface CallOutcome {
  readonly at: number;
  readonly kind: 'success' | 'failure' | 'short-circuit';
  readonly category: FailureCategory | null;
  readonly status: number | null;
  readonly latencyMs: number | null;
  readonly message: string;
}

export interface LatencySummary {
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/** Hystrix-style counts over one window of calls. */
export interface WindowMetrics {
  readonly calls: number;
  readonly successes: number;
  readonly failures: Readonly<Record<FailureCategory, number>>;
  /** Failures that are not request failures (bugs). */
  readonly unexpected: number;
  readonly shortCircuited: number;
  /** (failures + unexpected + short-circuited) / calls × 100; null without calls. */
  readonly errorPercent: number | null;
  readonly latency: LatencySummary;
}

export interface MetricsSummary {
  /** The last 10 minutes. */
  readonly recent: WindowMetrics;
  /** The last 100 calls. */
  readonly lastCalls: WindowMetrics;
  /** Successful requests / requests sent, in %; null without requests. */
  readonly uptime1h: number | null;
  readonly uptime24h: number | null;
}

/**
 * History messages the UI can show in its own language. The stored
 * `message` stays English (logs, exports); `text` names the same sentence.
 */
export const HISTORY_TEXT_KEYS = [
  'probe',
  'reset',
  'hold',
  'release',
  'pause',
  'resume',
  'short-circuit',
  'short-circuit-held',
  'opened-failures',
  'opened-trial',
  'half-open',
  'closed-trial',
  'closed-user',
  'held-open',
] as const;
export type HistoryTextKey = (typeof HISTORY_TEXT_KEYS)[number];

export interface HistoryText {
  readonly key: HistoryTextKey;
  /** `from`: a breaker state; `at`: a wall-clock time in ms; anything else as is. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** What happened, in the history table and its exports. */
export interface HistoryEvent {
  readonly at: number;
  readonly type: 'call' | 'transition' | 'action';
  /** call: success | failure | short-circuit; transition: the new state; action: what the user did. */
  readonly kind: string;
  readonly status: number | null;
  readonly latencyMs: number | null;
  readonly message: string;
  /** The message as a translatable sentence, when it is one of ours (absent in older files). */
  readonly text?: HistoryText;
  /** For failed calls: the failure group (metrics are rebuilt from calls after a restart). */
  readonly category?: FailureCategory | null;
  /** Who caused it: the user, the schedule, or the system (launch, timers). */
  readonly actor: 'user' | 'schedule' | 'system';
}
