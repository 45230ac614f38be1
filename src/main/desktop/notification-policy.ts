/**
 * When to show a desktop notification: a breaker opened, or recovered. A
 * flapping endpoint must not flood the user, so each endpoint has a token
 * bucket (2 at once, one more every 60 s) and all endpoints share one (5 at
 * once, one more every 20 s). Over any minute that bounds notifications to
 * 3 per endpoint and 8 in all; what was held back is counted in the next one.
 */
import type { BreakerState } from '../../shared/model';
import { translate, type Language } from '../../shared/messages';

export interface BreakerChange {
  readonly endpointId: string;
  readonly name: string;
  readonly from: BreakerState;
  readonly to: BreakerState;
  /** The error that opened it, if any. */
  readonly detail: string | null;
}

export interface NotificationContent {
  readonly endpointId: string;
  readonly title: string;
  readonly body: string;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export const PER_ENDPOINT = { capacity: 2, refillMs: 60_000 } as const;
export const GLOBAL = { capacity: 5, refillMs: 20_000 } as const;

export class NotificationPolicy {
  private readonly perEndpoint = new Map<string, Bucket>();
  private readonly global: Bucket;
  private readonly suppressed = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {
    this.global = { tokens: GLOBAL.capacity, updatedAt: now() };
  }

  /** The notification to show for `change`, or null (not notable, switched off, or rate-limited). */
  consider(change: BreakerChange, enabled: boolean, language: Language): NotificationContent | null {
    const opened = change.to === 'open' && change.from !== 'open';
    const recovered = change.to === 'closed' && (change.from === 'half-open' || change.from === 'open');
    if (!enabled || (!opened && !recovered)) return null;

    const bucket = this.perEndpoint.get(change.endpointId) ?? {
      tokens: PER_ENDPOINT.capacity,
      updatedAt: this.now(),
    };
    this.perEndpoint.set(change.endpointId, bucket);
    this.refill(bucket, PER_ENDPOINT);
    this.refill(this.global, GLOBAL);
    if (bucket.tokens < 1 || this.global.tokens < 1) {
      this.suppressed.set(change.endpointId, (this.suppressed.get(change.endpointId) ?? 0) + 1);
      return null;
    }
    bucket.tokens -= 1;
    this.global.tokens -= 1;

    const held = this.suppressed.get(change.endpointId) ?? 0;
    this.suppressed.delete(change.endpointId);
    const title = translate(language, opened ? 'notify.opened' : 'notify.recovered', { name: change.name });
    const lines = [opened ? (change.detail ?? '') : translate(language, 'notify.recoveredBody')];
    if (held > 0) lines.push(translate(language, 'notify.suppressed', { n: held }));
    return { endpointId: change.endpointId, title, body: lines.filter(Boolean).join('\n') };
  }

  forget(endpointId: string): void {
    this.perEndpoint.delete(endpointId);
    this.suppressed.delete(endpointId);
  }

  private refill(bucket: Bucket, rule: { capacity: number; refillMs: number }): void {
    const now = this.now();
    const earned = Math.floor((now - bucket.updatedAt) / rule.refillMs);
    if (earned <= 0) return;
    bucket.tokens = Math.min(rule.capacity, bucket.tokens + earned);
    bucket.updatedAt += earned * rule.refillMs;
  }
}
