import { describe, expect, it } from 'vitest';
import { createDemoLambda, type ApiGatewayEvent } from '../../src/main/demo/lambda-handler';
import type { FaultMode } from '../../src/shared/model';

const event = (path = '/dev', httpMethod = 'GET'): ApiGatewayEvent => ({
  httpMethod,
  path,
  headers: {},
  queryStringParameters: null,
  requestContext: { requestId: 'req-1', stage: 'dev' },
});

function lambda(fault: FaultMode, random = 0.9) {
  const slept: number[] = [];
  const handler = createDemoLambda({
    fault: () => fault,
    slowDelayMs: 7000,
    random: () => random,
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
  return { handler, slept };
}

describe('demo Lambda handler', () => {
  it('answers healthy requests with realistic JSON', async () => {
    const response = await lambda('healthy').handler(event());
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ requestId: 'req-1', stage: 'dev' });
    expect(body.warehouses).toHaveLength(3);
    expect(body.totalUnits).toBe(
      body.warehouses.reduce((sum: number, w: { unitsInStock: number }) => sum + w.unitsInStock, 0),
    );
  });

  it('returns 500, invalid JSON and slow answers on demand', async () => {
    expect((await lambda('http-500').handler(event())).statusCode).toBe(500);
    const invalid = await lambda('invalid-json').handler(event());
    expect(invalid.statusCode).toBe(200);
    expect(() => JSON.parse(invalid.body)).toThrow();
    const slow = lambda('slow');
    expect((await slow.handler(event())).statusCode).toBe(200);
    expect(slow.slept).toEqual([7000]);
  });

  it('fails half the time when flaky', async () => {
    expect((await lambda('flaky', 0.2).handler(event())).statusCode).toBe(500);
    expect((await lambda('flaky', 0.7).handler(event())).statusCode).toBe(200);
  });

  it('answers 404 off the stage path and 405 for other methods', async () => {
    expect((await lambda('healthy').handler(event('/prod'))).statusCode).toBe(404);
    expect((await lambda('healthy').handler(event('/dev', 'POST'))).statusCode).toBe(405);
  });
});
