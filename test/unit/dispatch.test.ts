import { describe, expect, it, vi, type Mock } from 'vitest';
import { dispatchInvoke, IpcError, type InvokeHandlers } from '../../src/main/ipc/dispatch';
import { INVOKE_CHANNELS, invokeSchemas, type InvokeChannel } from '../../src/shared/contract';

function handlers(): Record<InvokeChannel, Mock> {
  return {
    'app:get-info': vi.fn(() => ({ version: '1' })),
    'monitor:get-snapshot': vi.fn(() => ({ seq: 1 })),
    'monitor:retry': vi.fn((): unknown => ({ seq: 2 })),
    'monitor:select-target': vi.fn(({ targetId }: { targetId: string }) => ({ target: targetId })),
    'demo:set-fault': vi.fn(() => ({ demoFault: 'down' })),
  };
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
    await expect(dispatch(h, 'monitor:select-target', { targetId: 'demo' })).resolves.toEqual({
      ok: true,
      value: { target: 'demo' },
    });
    expect(h['monitor:select-target']).toHaveBeenCalledWith({ targetId: 'demo' });
  });

  it.each([
    ['monitor:select-target', undefined, 'argument'],
    ['monitor:select-target', { targetId: 42 }, 'targetId'],
    ['monitor:select-target', { targetId: '' }, 'targetId'],
    ['monitor:select-target', { targetId: 'x'.repeat(10_000) }, 'targetId'],
    ['monitor:select-target', { targetId: 'demo', extra: 1 }, 'extra'],
    ['monitor:select-target', JSON.parse('{"targetId":"demo","__proto__":{"polluted":true}}'), '__proto__'],
    ['demo:set-fault', { mode: 'explode' }, 'mode'],
    ['demo:set-fault', { mode: null }, 'mode'],
    ['monitor:retry', { please: true }, 'argument'],
    ['monitor:retry', null, 'argument'],
    ['app:get-info', 'hello', 'argument'],
  ])('rejects %s with %j, naming %s', async (channel, argument, field) => {
    const h = handlers();
    const result = await dispatch(h, channel, argument);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_PAYLOAD');
    expect(result.error.message).toContain(channel);
    expect(result.error.message).toContain(field);
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
    await expect(dispatch(h, 'monitor:retry', undefined)).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'not now' },
    });
    h['monitor:retry'].mockImplementation(() => Promise.reject(new Error('boom')));
    await expect(dispatch(h, 'monitor:retry', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'monitor:retry failed: boom' },
    });
  });
});
