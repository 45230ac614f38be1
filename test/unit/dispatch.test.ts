import { describe, expect, it, vi, type Mock } from 'vitest';
import { dispatchInvoke, IpcError, type InvokeHandlers } from '../../src/main/ipc/dispatch';
import { INVOKE_CHANNELS, invokeSchemas, type InvokeChannel } from '../../src/shared/contract';

function handlers(): Record<InvokeChannel, Mock> {
  // Every channel gets a mock that echoes its argument.
  return Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      vi.fn((argument: unknown): unknown => ({ channel, argument })),
    ]),
  ) as Record<InvokeChannel, Mock>;
}

/** The mocks stand in for real handlers; their return values are not checked here. */
const dispatch = (h: Record<InvokeChannel, Mock>, channel: unknown, argument: unknown) =>
  dispatchInvoke(h as unknown as InvokeHandlers, channel, argument);

describe('contract', () => {
  it('has a schema for every channel name and no other', () => {
    expect(Object.keys(invokeSchemas).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });
});

describe('dispatchInvoke', () => {
  it('runs the handler with the parsed argument and wraps the value', async () => {
    const h = handlers();
    await expect(dispatch(h, 'monitor:control', { id: 'demo', action: 'hold' })).resolves.toEqual({
      ok: true,
      value: { channel: 'monitor:control', argument: { id: 'demo', action: 'hold' } },
    });
    expect(h['monitor:control']).toHaveBeenCalledWith({ id: 'demo', action: 'hold' });
  });

  it.each([
    ['monitor:retry', undefined, 'argument'],
    ['monitor:retry', { id: 42 }, 'id'],
    ['monitor:retry', { id: '' }, 'id'],
    ['monitor:retry', { id: 'x'.repeat(10_000) }, 'id'],
    ['monitor:retry', { id: 'demo', extra: 1 }, 'extra'],
    ['monitor:retry', JSON.parse('{"id":"demo","__proto__":{"polluted":true}}'), '__proto__'],
    ['monitor:control', { id: 'demo', action: 'explode' }, 'action'],
    ['demo:set-fault', { mode: 'explode' }, 'mode'],
    ['demo:set-fault', { mode: null }, 'mode'],
    ['app:get-info', 'hello', 'argument'],
    ['monitor:list', null, 'argument'],
    ['history:list', { id: 'demo', limit: 1e9 }, 'limit'],
    ['endpoint:save', { endpoint: { name: 'x' } }, 'endpoint.url'],
    ['settings:import', { text: 'x'.repeat(2 * 1024 * 1024) }, 'text'],
  ])('rejects %s (case %#)', async (channel, argument, field) => {
    const h = handlers();
    const result = await dispatch(h, channel, argument);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_PAYLOAD');
    expect(result.error.message).toContain(channel);
    expect(result.error.message).toContain(field);
    expect(Object.keys(result.error.fields ?? {})).toContain(field);
    expect(Object.values(h).every((fn) => fn.mock.calls.length === 0)).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([['nope'], [42], [undefined], ['__proto__'], ['constructor'], ['toString']])(
    'rejects the unknown channel %j',
    async (channel) => {
      const result = await dispatch(handlers(), channel, undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    },
  );

  it('passes a handler IpcError code through and hides nothing else', async () => {
    const h = handlers();
    h['monitor:retry'].mockImplementation(() => {
      throw new IpcError('UNAVAILABLE', 'not now');
    });
    await expect(dispatch(h, 'monitor:retry', { id: 'a' })).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'not now' },
    });
    h['monitor:retry'].mockImplementation(() => Promise.reject(new Error('boom')));
    await expect(dispatch(h, 'monitor:retry', { id: 'a' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'monitor:retry failed: boom' },
    });
  });
});
