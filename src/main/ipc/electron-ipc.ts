/**
 * Binds the contract to Electron's ipcMain: one handler per invoke channel,
 * each checking the sender before validating and dispatching, and a push
 * function for the event channels.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { INVOKE_CHANNELS, type EventChannel, type EventPayloads } from '../../shared/contract';
import { dispatchInvoke, errorEnvelope, type InvokeHandlers } from './dispatch';
import { isTrustedSender, type TrustedOrigin } from './trusted-sender';

export function registerIpcHandlers(
  handlers: InvokeHandlers,
  trusted: TrustedOrigin,
  log: (message: string) => void,
): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, argument: unknown) => {
      if (!isTrustedSender(event.senderFrame, trusted)) {
        log(`Rejected ${channel} from untrusted sender ${event.senderFrame?.url ?? '(gone)'}`);
        return errorEnvelope('FORBIDDEN_SENDER', `Sender not allowed to use ${channel}`);
      }
      return dispatchInvoke(handlers, channel, argument);
    });
  }
  return () => INVOKE_CHANNELS.forEach((channel) => ipcMain.removeHandler(channel));
}

export function pushEvent<E extends EventChannel>(
  contents: WebContents | null | undefined,
  event: E,
  payload: EventPayloads[E],
): void {
  if (contents && !contents.isDestroyed()) contents.send(event, payload);
}
