// JACK's notifications for one client: the setXCallback() callbacks and the client's events, fed by
// the records the addon posts from JACK's notification thread. Only the kinds somebody listens for
// are posted at all (a bit mask in the addon).
import { requireBoolean, requireFunction } from './arguments.js';
import { CallbackExit } from './errors.js';
import { RecordKind, type NativeClient } from './native.js';
import type { Port } from './port.js';

/** Which latency a latency callback is asked for: of data coming in, or going out. */
export type LatencyMode = 'capture' | 'playback';

/** The notifications a {@link Client} emits as events, with their arguments. */
export interface NotificationEvents {
  /** The server entered (`true`) or left freewheel mode. */
  freewheel: [starting: boolean];
  /** The block size changed. */
  blocksize: [blocksize: number];
  /** The sample rate changed. */
  samplerate: [samplerate: number];
  /** Another client was registered (`true`) or went away. */
  clientRegistration: [name: string, register: boolean];
  /** A port was registered or unregistered; `null` only with `onlyAvailable` false. */
  portRegistration: [port: Port | null, register: boolean];
  /** Two ports were connected or disconnected; `null` only with `onlyAvailable` false. */
  portConnect: [a: Port | null, b: Port | null, connect: boolean];
  /** A port was renamed. */
  portRename: [port: Port | null, oldName: string, newName: string];
  /** The processing graph was reordered. */
  graphOrder: [];
  /** An xrun happened; the argument is the delay in microseconds. */
  xrun: [delayedUsecs: number];
  /** A metadata property was created, changed or deleted (`PROPERTY_*`); `key` is '' for all keys. */
  propertyChange: [subject: string, key: string, change: number];
  /** JACK recomputes latencies (beyond the Python module). */
  latency: [mode: LatencyMode];
}

export type NotificationName = keyof NotificationEvents;
type Listener<N extends NotificationName> = (...args: NotificationEvents[N]) => void;

const KINDS: Record<NotificationName, number> = {
  freewheel: RecordKind.freewheel,
  blocksize: RecordKind.blocksize,
  samplerate: RecordKind.samplerate,
  clientRegistration: RecordKind.clientRegistration,
  portRegistration: RecordKind.portRegistration,
  portConnect: RecordKind.portConnect,
  portRename: RecordKind.portRename,
  graphOrder: RecordKind.graphOrder,
  xrun: RecordKind.xrun,
  propertyChange: RecordKind.propertyChange,
  latency: RecordKind.latency,
};
const NAMES = new Map<number, NotificationName>(
  Object.entries(KINDS).map(([name, kind]) => [kind, name as NotificationName]),
);

export function isNotificationName(name: string | symbol): name is NotificationName {
  return typeof name === 'string' && Object.hasOwn(KINDS, name);
}

/** What the notifications need from their client. */
export interface NotificationHost {
  native(): NativeClient | null;
  listenerCount(event: NotificationName): number;
  emit(event: NotificationName, ...args: unknown[]): boolean;
  /** The Port of a full name now, or null when there is none. */
  portByName(name: string): Port | null;
  /** The Port with a notification's port id now, or null when it is gone. */
  portById(id: number): Port | null;
  /** The Port object the client still holds for the (gone) port with that id, or null. */
  heldPortById(id: number): Port | null;
  /** The delay of the most recent xrun in microseconds. */
  xrunDelay(): number;
  /** Runs user code; a throw goes to the `error` event (or is thrown when nobody listens). */
  runCallback(callback: () => void): void;
  /** Sets the ports' latency ranges as JACK2 does when the client has no latency callback. */
  defaultLatency(mode: LatencyMode): void;
  /** Called before and after a latency callback runs. */
  beforeLatencyCallback(): void;
  afterLatencyCallback(): void;
}

interface Registered {
  callback: (...args: never[]) => void;
  onlyAvailable: boolean;
}

export class Notifications {
  readonly #host: NotificationHost;
  readonly #callbacks = new Map<NotificationName, Registered>();

  constructor(host: NotificationHost) {
    this.#host = host;
  }

  /** Sets (or with null removes) the callback of `name`. */
  set<N extends NotificationName>(name: N, callback: Listener<N> | null, onlyAvailable = true): void {
    if (callback === null) {
      this.#callbacks.delete(name);
    } else {
      requireFunction(callback, 'callback');
      requireBoolean(onlyAvailable, 'onlyAvailable');
      this.#callbacks.set(name, { callback: callback as Registered['callback'], onlyAvailable });
    }
    this.update();
  }

  /** Calls only the callback of `name` (not the event), as JACK2 does with a new sample rate callback. */
  callNow<N extends NotificationName>(name: N, ...args: NotificationEvents[N]): void {
    const registered = this.#callbacks.get(name);
    if (registered !== undefined) this.#call(name, registered, args);
  }

  /** Tells the addon which kinds to post; `adding` is an event whose listener is being added. */
  update(adding?: NotificationName): void {
    const native = this.#host.native();
    if (native === null) return;
    let mask = 0;
    for (const [name, kind] of Object.entries(KINDS) as Array<[NotificationName, number]>) {
      if (name === adding || this.#callbacks.has(name) || this.#host.listenerCount(name) > 0) mask |= 1 << kind;
    }
    native.setNotifications(mask);
  }

  /** Delivers one record; returns false when `kind` is not a notification. */
  deliver(kind: number, value: number, text: string): boolean {
    const name = NAMES.get(kind);
    if (name === undefined) return false;
    const decoded = this.#decode(name, value, text);
    const registered = this.#callbacks.get(name);
    if (registered !== undefined && (!registered.onlyAvailable || !decoded.missingPort)) {
      this.#call(name, registered, decoded.args);
    } else if (name === 'latency') {
      this.#host.beforeLatencyCallback();
      this.#host.runCallback(() => this.#host.defaultLatency(decoded.args[0] as LatencyMode));
      this.#host.afterLatencyCallback();
    }
    if (!decoded.missingPort && this.#host.listenerCount(name) > 0) {
      this.#host.runCallback(() => this.#host.emit(name, ...decoded.args));
    }
    return true;
  }

  #call(name: NotificationName, registered: Registered, args: unknown[]): void {
    if (name === 'latency') this.#host.beforeLatencyCallback();
    this.#host.runCallback(() => {
      try {
        (registered.callback as (...values: unknown[]) => void)(...args);
      } catch (error) {
        // CallbackExit: the callback asks not to be called again, as in the Python module.
        if (!(error instanceof CallbackExit)) throw error;
        if (this.#callbacks.get(name) === registered) this.set(name, null);
      } finally {
        if (name === 'latency') this.#host.afterLatencyCallback();
      }
    });
  }

  #decode(name: NotificationName, value: number, text: string): { args: unknown[]; missingPort: boolean } {
    const [first = '', second = ''] = text.split('\0');
    const host = this.#host;
    switch (name) {
      case 'freewheel':
        return { args: [value !== 0], missingPort: false };
      case 'blocksize':
      case 'samplerate':
        return { args: [value], missingPort: false };
      case 'clientRegistration':
        return { args: [text, value !== 0], missingPort: false };
      case 'portRegistration': {
        const port = value !== 0 ? host.portById(Number(first)) : host.heldPortById(Number(first));
        return { args: [port, value !== 0], missingPort: port === null };
      }
      case 'portConnect': {
        const a = host.portById(Number(first));
        const b = host.portById(Number(second));
        return { args: [a, b, value !== 0], missingPort: a === null || b === null };
      }
      case 'portRename': {
        const port = host.portByName(second);
        return { args: [port, first, second], missingPort: port === null };
      }
      case 'graphOrder':
        return { args: [], missingPort: false };
      case 'xrun':
        return { args: [host.xrunDelay()], missingPort: false };
      case 'propertyChange':
        return { args: [first, second, value], missingPort: false };
      case 'latency':
        return { args: [value === 0 ? 'capture' : 'playback'], missingPort: false };
    }
  }
}
