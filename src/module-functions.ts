// The module-level functions of the Python module: versions, size limits, client PIDs, JACK's clock and
// JACK's error and info message functions.
import { requireFunction, requireString } from './arguments.js';
import { setMessageHandler, type MessageHandler } from './dispatch.js';
import { callNative, libjack, requireSupport } from './library.js';

/**
 * `[major, minor, micro, protocol]` as libjack reports them. JACK2 reports `[0, 0, 0, 0]`: use
 * {@link versionString} there.
 */
export function version(): [number, number, number, number] {
  return callNative(() => libjack().version());
}

/** The human-readable version of the JACK library, e.g. `'1.9.21'`. */
export function versionString(): string {
  return callNative(() => libjack().versionString());
}

/** The maximum size of a client name, including the final NUL byte. */
export function clientNameSize(): number {
  return callNative(() => libjack().clientNameSize());
}

/** The maximum size of a full port name (`client:port`), including the final NUL byte. */
export function portNameSize(): number {
  return callNative(() => libjack().portNameSize());
}

/** The process ID of the JACK client `name`, or 0 when it is not known. */
export function clientPid(name: string): number {
  requireString(name, 'name');
  return callNative(() => libjack().clientPid(name));
}

/** JACK's clock (`jack_get_time()`): microseconds, the time base of {@link Client.getCycleTimes}. */
export function getTime(): number {
  requireSupport('jack_get_time', 'reading JACK\'s clock');
  return callNative(() => libjack().getTime());
}

/**
 * Sets the function that receives JACK's error messages, on the main thread (libjack calls its
 * handler on any thread, the realtime one included, so messages are queued and delivered later).
 * `null` restores the default, which prints them to stderr.
 */
export function setErrorFunction(callback: MessageHandler | null = null): void {
  setMessageFunction('error', callback);
}

/** Like {@link setErrorFunction}, for JACK's info messages. */
export function setInfoFunction(callback: MessageHandler | null = null): void {
  setMessageFunction('info', callback);
}

function setMessageFunction(kind: 'error' | 'info', callback: MessageHandler | null): void {
  const handler = callback === null ? null : requireFunction<MessageHandler>(callback, 'callback');
  const addon = libjack();
  setMessageHandler(kind, handler);
  addon.forwardMessages(kind, handler !== null);
}
