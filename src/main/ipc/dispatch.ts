/**
 * Transport-independent half of the IPC: validates an invoke against the
 * contract and runs its handler, always answering with an envelope. Both
 * the Electron adapter and the browser host call this; neither can skip it.
 */
import type { z } from 'zod';
import {
  describeIssues,
  fieldMessages,
  invokeSchemas,
  isInvokeChannel,
  type Envelope,
  type InvokeChannel,
  type InvokeResults,
  type IpcErrorCode,
} from '../../shared/contract';

export type InvokeHandlers = {
  [C in InvokeChannel]: (
    argument: z.output<(typeof invokeSchemas)[C]>,
  ) => Promise<InvokeResults[C]> | InvokeResults[C];
};

/** A failure a handler reports on purpose, with a stable code. */
export class IpcError extends Error {
  override readonly name = 'IpcError';
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

export function errorEnvelope(
  code: IpcErrorCode,
  message: string,
  fields?: Readonly<Record<string, string>>,
): Envelope<never> {
  return { ok: false, error: fields ? { code, message, fields } : { code, message } };
}

export async function dispatchInvoke(
  handlers: InvokeHandlers,
  channel: unknown,
  argument: unknown,
): Promise<Envelope<unknown>> {
  if (!isInvokeChannel(channel)) {
    const name = typeof channel === 'string' ? JSON.stringify(channel.slice(0, 64)) : typeof channel;
    return errorEnvelope('UNKNOWN_CHANNEL', `Unknown channel ${name}`);
  }
  const parsed = invokeSchemas[channel].safeParse(argument);
  if (!parsed.success) {
    return errorEnvelope(
      'INVALID_PAYLOAD',
      `Invalid argument for ${channel}: ${describeIssues(parsed.error)}`,
      fieldMessages(parsed.error),
    );
  }
  try {
    const handler = handlers[channel] as (argument: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof IpcError) return errorEnvelope(error.code, error.message, error.fields);
    return errorEnvelope('INTERNAL', `${channel} failed: ${(error as Error)?.message ?? String(error)}`);
  }
}
