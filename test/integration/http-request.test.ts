/**
 * What the HTTP client sends: method, JSON body, the endpoint's headers and
 * its own, through same-origin redirects — checked at a loopback server
 * that echoes what it received.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../src/main/core/http-client';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let server: Server;
let base: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (request.url === '/moved') {
        response.writeHead(302, { location: '/echo' });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ seen: received.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const last = () => received.at(-1)!;

describe('what the client sends', () => {
  const client = createHttpClient({ timeoutMs: 2000, maxBytes: 1024, headers: { 'x-client': 'one' } });

  it('a GET: no body, no content type, JSON accepted, our user agent', async () => {
    await expect(client.getJson(`${base}/echo`)).resolves.toMatchObject({ status: 200 });
    expect(last()).toMatchObject({ method: 'GET', url: '/echo', body: '' });
    expect(last().headers).toMatchObject({ accept: 'application/json', 'x-client': 'one' });
    expect(last().headers['user-agent']).toMatch(/^Breakwatch/);
    expect(last().headers['content-type']).toBeUndefined();
  });

  it("a POST with the endpoint's JSON body and headers", async () => {
    await client.getJson(`${base}/echo`, undefined, {
      method: 'POST',
      body: '{"query": "stock"}',
      headers: { 'x-api-key': 's3cret' },
    });
    expect(last()).toMatchObject({ method: 'POST', body: '{"query": "stock"}' });
    expect(last().headers).toMatchObject({
      'content-type': 'application/json',
      'x-api-key': 's3cret',
      'x-client': 'one',
      accept: 'application/json',
    });
  });

  it("the endpoint's own Content-Type wins over ours", async () => {
    await client.getJson(`${base}/echo`, undefined, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/vnd.api+json' },
    });
    expect(last().headers['content-type']).toBe('application/vnd.api+json');
  });

  it('follows a same-origin redirect and sends the headers there too', async () => {
    const before = received.length;
    const response = await client.getJson(`${base}/moved`, undefined, { headers: { 'x-api-key': 'k' } });
    expect(response.status).toBe(200);
    expect(received.slice(before).map((r) => r.url)).toEqual(['/moved', '/echo']);
    expect(last().headers['x-api-key']).toBe('k');
  });

  it('each call is independent: one call’s headers do not leak into the next', async () => {
    await client.getJson(`${base}/echo`, undefined, { headers: { 'x-once': '1' } });
    await client.getJson(`${base}/echo`);
    expect(last().headers['x-once']).toBeUndefined();
  });
});
