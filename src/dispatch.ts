// Delivery of what JACK's threads report (shutdowns, error and info messages) on the JS thread.
import { addon, RecordKind } from './native.js';

export type ClientListener = (kind: number, value: number, text: string) => void;
export type MessageHandler = (message: string) => void;

const clients = new Map<number, ClientListener>();
const messageHandlers: { error: MessageHandler | null; info: MessageHandler | null } = {
  error: null,
  info: null,
};
let installed = false;

function dispatch(kind: number, clientId: number, value: number, text: string): void {
  switch (kind) {
    case RecordKind.dropped:
      process.emitWarning(`jack-client: ${value} JACK notifications were dropped (queue full)`);
      return;
    case RecordKind.errorMessage:
      deliverMessage(messageHandlers.error, text);
      return;
    case RecordKind.infoMessage:
      deliverMessage(messageHandlers.info, text);
      return;
    default:
      clients.get(clientId)?.(kind, value, text);
  }
}

function deliverMessage(handler: MessageHandler | null, text: string): void {
  if (handler) handler(text);
  else process.stderr.write(`${text}\n`);
}

function install(): void {
  if (installed) return;
  addon.setDispatcher(dispatch);
  installed = true;
}

/** Routes the notifications of native client `id` to `listener` until `stopListening(id)`. */
export function listen(id: number, listener: ClientListener): void {
  install();
  clients.set(id, listener);
}

export function stopListening(id: number): void {
  clients.delete(id);
}

export function setMessageHandler(kind: 'error' | 'info', handler: MessageHandler | null): void {
  install();
  messageHandlers[kind] = handler;
}
