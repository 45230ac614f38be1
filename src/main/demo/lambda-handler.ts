/**
 * The built-in demo Lambda: a Lambda-style handler, `(event) => ({ statusCode,
 * headers, body })`, returning realistic JSON, with a switchable fault so a
 * new user can watch the breaker trip and recover without an AWS account.
 */
import type { FaultMode } from '../../shared/model';

/** The subset of an API Gateway (REST, proxy integration) event we use. */
export interface ApiGatewayEvent {
  readonly httpMethod: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly queryStringParameters: Readonly<Record<string, string>> | null;
  readonly requestContext: { readonly requestId: string; readonly stage: string };
}

export interface LambdaResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface DemoLambdaOptions {
  /** Current fault; read on every call so it can be switched live. */
  readonly fault: () => FaultMode;
  /** Delay of the `slow` fault, in ms (longer than the client's timeout). */
  readonly slowDelayMs: number;
  /** Source of randomness for `flaky`; injectable for tests. */
  readonly random?: () => number;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The stage path the demo answers on, like API Gateway's `/dev`. */
export const DEMO_STAGE = 'dev';

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

const WAREHOUSES = [
  { id: 'MAD-1', city: 'Madrid', capacity: 1200 },
  { id: 'BCN-2', city: 'Barcelona', capacity: 860 },
  { id: 'VLC-1', city: 'Valencia', capacity: 540 },
] as const;

export function createDemoLambda(options: DemoLambdaOptions) {
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let invocations = 0;

  const healthy = (event: ApiGatewayEvent): LambdaResponse => {
    const at = now();
    const stock = WAREHOUSES.map((warehouse, index) => ({
      ...warehouse,
      // Deterministic but changing numbers, so refreshes are visible.
      unitsInStock: Math.round(warehouse.capacity * (0.5 + 0.4 * Math.sin(invocations / 3 + index))),
    }));
    return {
      statusCode: 200,
      headers: { ...JSON_HEADERS, 'x-amzn-requestid': event.requestContext.requestId },
      body: JSON.stringify({
        message: 'Inventory snapshot from the Breakwatch demo Lambda',
        requestId: event.requestContext.requestId,
        stage: event.requestContext.stage,
        generatedAt: at.toISOString(),
        invocation: invocations,
        warehouses: stock,
        totalUnits: stock.reduce((sum, warehouse) => sum + warehouse.unitsInStock, 0),
      }),
    };
  };

  const serverError = (): LambdaResponse => ({
    statusCode: 500,
    headers: JSON_HEADERS,
    body: JSON.stringify({ message: 'Internal server error' }),
  });

  /** The Lambda entry point. `down` never reaches it: the adapter refuses connections. */
  return async function handler(event: ApiGatewayEvent): Promise<LambdaResponse> {
    invocations += 1;
    if (event.httpMethod !== 'GET' && event.httpMethod !== 'HEAD') {
      return {
        statusCode: 405,
        headers: { ...JSON_HEADERS, allow: 'GET' },
        body: JSON.stringify({ message: 'Method Not Allowed' }),
      };
    }
    if (event.path !== `/${DEMO_STAGE}`) {
      return { statusCode: 404, headers: JSON_HEADERS, body: JSON.stringify({ message: 'Not Found' }) };
    }
    switch (options.fault()) {
      case 'slow':
        await sleep(options.slowDelayMs);
        return healthy(event);
      case 'http-500':
        return serverError();
      case 'invalid-json':
        return {
          statusCode: 200,
          headers: JSON_HEADERS,
          body: '{"message": "Inventory snapshot", "warehouses": [',
        };
      case 'flaky':
        return random() < 0.5 ? serverError() : healthy(event);
      default:
        return healthy(event);
    }
  };
}

export type DemoLambdaHandler = ReturnType<typeof createDemoLambda>;
