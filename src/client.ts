import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inspect } from 'node:util';

import { checkOptions, quote, requireBoolean, requireFunction, requireString } from './arguments.js';
import { AUDIO_PORT_TYPE, MIDI_PORT_TYPE, OpenOption, PortFlag } from './constants.js';
import { listen, stopListening } from './dispatch.js';
import { JackError, JackErrorCode, JackOpenError } from './errors.js';
import { callNative, libjack, requireSupport } from './library.js';
import { getTime } from './module-functions.js';
import { checkClientName, checkShortPortName, maxRegisteredPortNameBytes } from './limits.js';
import { RecordKind, type NativeClient, type NativeOpenResult, type NativePortInfo } from './native.js';
import { describeOpenFailure } from './open-failure.js';
import { Port, makePort, type OwnMidiPort, type OwnPort } from './port.js';
import { PortCache } from './port-cache.js';
import type { PortOwner } from './port-owner.js';
import { makePorts, type Ports, type PortsOwner, type RegisterOptions } from './ports.js';
import { Status } from './status.js';
import { checkUuid } from './uuid.js';
import { ensureUniqueName, type UniqueOpen } from './unique-name.js';
import * as metadata from './metadata.js';
import { Notifications, isNotificationName, type LatencyMode, type NotificationEvents, type NotificationName } from './notifications.js';
import * as transport from './transport.js';
import { TransportState, type PositionDict, type TransportPosition } from './transport-position.js';
import type { SyncFunction, TimebaseFunction } from './processor/transport-handlers.js';
import type { TransportHandlerSources } from './processor/layout.js';
import { DEFAULT_DEADLINE, Processor, type CheckedOptions, type ProcessCallbackOptions } from './processor-host.js';
import { checkParams } from './processor/params.js';
import { shortFormSource } from './processor/short-form.js';
import type { ProcessorContext } from './processor/define.js';
import type { ProcessorPorts } from './processor/port-views.js';

/** Options of the {@link Client} constructor and {@link Client.open}. */
export interface ClientOptions {
  /** Fail (instead of letting JACK append `-01`...) when the name is taken. */
  useExactName?: boolean;
  /** Do not start a JACK server when none is running (also set by `JACK_NO_START_SERVER`). */
  noStartServer?: boolean;
  /** Which server to connect to; default `JACK_DEFAULT_SERVER` or `'default'`. */
  serverName?: string;
  /** A session ID token, so that a session manager can identify the client again. */
  sessionId?: string;
}

/** Filters of {@link Client.getPorts}. Selecting neither or both of audio/MIDI selects both. */
export interface PortFilters {
  isAudio?: boolean;
  isMidi?: boolean;
  isInput?: boolean;
  isOutput?: boolean;
  isPhysical?: boolean;
  canMonitor?: boolean;
  isTerminal?: boolean;
}

/** What {@link Client.getCycleTimes} returns. */
export interface CycleTimes {
  /** The frame time of the current cycle's first frame. */
  currentFrames: number;
  /** When the current cycle started, in microseconds of JACK's clock ({@link getTime}). */
  currentUsecs: number;
  /** When the next cycle is expected to start. */
  nextUsecs: number;
  /** The period in microseconds, as JACK's delay-locked loop estimates it. */
  periodUsecs: number;
}

/** Called when the server shuts the client down (see {@link Client.setShutdownCallback}). */
export type ShutdownCallback = (status: Status, reason: string) => void;

/** The short form of a process callback: self-contained, moved into the audio worker as source text. */
export type ProcessCallback = (frames: number, ports: ProcessorPorts, context: ProcessorContext) => void;

/**
 * The events a {@link Client} emits, on the main thread: JACK's notifications (the same as the
 * `setXCallback()` setters; port events leave out ports that are already gone), and these two.
 */
export interface ClientEvents extends NotificationEvents {
  /** The server shut the client down; the client is closed by then. */
  shutdown: [status: Status, reason: string];
  /**
   * A callback of this client threw (the processor included, with its stack from the audio
   * worker); without a listener the error is thrown as uncaught.
   */
  error: [error: Error];
}

/** A notification callback: the arguments of the event of the same name. */
export type NotificationCallback<N extends NotificationName> = (...args: NotificationEvents[N]) => void;

const openClients = new Set<Client>();
let locateWarned = false;
let exitHookInstalled = false;
let openingAsync = false;

function closeAllAtExit(): void {
  for (const client of [...openClients]) client.close();
}

/**
 * A client of a JACK server.
 *
 * ```ts
 * const client = new Client('MyGreatClient', { noStartServer: true });
 * client.inports.register('input_1');
 * client.activate();
 * client.connect('system:capture_1', 'MyGreatClient:input_1');
 * client.close();
 * ```
 *
 * The constructor blocks while JACK opens the client; {@link Client.open} does the same without
 * blocking the event loop. A client the program forgets to close is closed when the process (or
 * the worker thread that opened it) exits.
 */
export class Client extends EventEmitter<ClientEvents> implements Disposable, AsyncDisposable {
  #native: NativeClient | null = null;
  #name: string;
  #status: Status = new Status(0);
  #closedReason = 'is not open yet';
  #shutdownCallback: ShutdownCallback | null = null;
  #processor: Processor | null = null;
  readonly #cache = new PortCache();
  readonly #unregisterFromList = new WeakMap<OwnPort, () => void>();
  #options: Partial<ClientOptions> = {};
  readonly #ports: PortOwner;
  readonly #inports: Ports<OwnPort>;
  readonly #outports: Ports<OwnPort>;
  readonly #midiInports: Ports<OwnMidiPort>;
  readonly #midiOutports: Ports<OwnMidiPort>;
  readonly #notifications = new Notifications({
    native: () => this.#native,
    listenerCount: (event) => this.listenerCount(event),
    emit: (event, ...args) => (this.emit as (name: string, ...values: unknown[]) => boolean)(event, ...args),
    portByName: (name) => (this.#native === null ? null : this.#existingPorts([name])[0] ?? null),
    portById: (id) => {
      const found = this.#native?.portById(id) ?? null;
      return found === null ? null : this.#existingPorts([found.name])[0] ?? null;
    },
    heldPortById: (id) => {
      // A port that exists under this id now is another one (PipeWire reuses ids at once).
      const found = this.#native?.portById(id) ?? null;
      if (found === null || found.uuid === null || this.#native?.portInfo(found.name)) return null;
      return this.#cache.get(found.uuid) ?? null;
    },
    xrunDelay: () => this.#native?.xrunDelayedUsecs() ?? 0,
    defaultLatency: (mode) => this.#defaultLatency(mode),
    runCallback: (callback) => this.#runCallback(callback),
    beforeLatencyCallback: () => {
      this.#latencyChanged = false;
    },
    afterLatencyCallback: () => this.#afterLatencyCallback(),
  });
  #transportHandlers: TransportHandlerSources = { sync: null, timebase: null };
  #latencyChanged = false;
  #latencyInstalled = false;
  #active = false;

  /**
   * Opens a client named `name` (at most `clientNameSize() - 2` bytes on JACK2, no `:`).
   *
   * @throws TypeError or RangeError for a bad name or options.
   * @throws JackOpenError when JACK cannot open the client; its `status` says why.
   */
  constructor(name: string, options?: ClientOptions) {
    super();
    const checked = checkOptions<ClientOptions>(options, 'options', {
      useExactName: 'boolean',
      noStartServer: 'boolean',
      serverName: 'string',
      sessionId: 'string',
    });
    this.#name = checkClientName(name);
    this.#options = checked;
    this.#ports = this.#portOwner();
    // Notifications are posted by the addon only for kinds somebody listens to.
    const untyped = this as EventEmitter;
    untyped.on('newListener', (event: string | symbol) => {
      if (event === 'latency' && this.#native !== null) this.#installLatency("client.on('latency')");
      if (isNotificationName(event)) this.#notifications.update(event);
    });
    untyped.on('removeListener', (event: string | symbol) => {
      if (isNotificationName(event)) this.#notifications.update();
    });
    this.#inports = makePorts(this.#listOwner<OwnPort>(AUDIO_PORT_TYPE, PortFlag.isInput), 'inports');
    this.#outports = makePorts(this.#listOwner<OwnPort>(AUDIO_PORT_TYPE, PortFlag.isOutput), 'outports');
    this.#midiInports = makePorts(this.#listOwner<OwnMidiPort>(MIDI_PORT_TYPE, PortFlag.isInput), 'midiInports');
    this.#midiOutports = makePorts(this.#listOwner<OwnMidiPort>(MIDI_PORT_TYPE, PortFlag.isOutput), 'midiOutports');
    const native = new (libjack().NativeClient)();
    const args = openArguments(this.#name, checked);
    if (openingAsync) {
      pendingOpens.set(this, { native, args });
      return;
    }
    this.#adopt(this.#unique({ native, result: native.open(...args) }, args));
  }

  /**
   * Opens a client like the constructor, but JACK's blocking open runs off the main thread.
   *
   * @throws JackOpenError (as a rejection) when JACK cannot open the client.
   */
  static async open(name: string, options?: ClientOptions): Promise<Client> {
    openingAsync = true;
    let client: Client;
    try {
      client = new Client(name, options);
    } finally {
      openingAsync = false;
    }
    const pending = pendingOpens.get(client);
    pendingOpens.delete(client);
    if (!pending) throw new JackError('internal error: asynchronous open lost its arguments');
    client.#adopt(client.#unique({ native: pending.native, result: await pending.native.openAsync(...pending.args) }, pending.args));
    return client;
  }

  /** The client's name as JACK knows it (JACK may have made it unique, e.g. `name-01`). */
  get name(): string {
    return this.#name;
  }

  /** The client's UUID, a decimal string. */
  get uuid(): string {
    const uuid = callNative(() => this.#open().uuid());
    if (uuid === null) throw new JackError(`cannot get the UUID of client ${quote(this.#name)}`);
    return uuid;
  }

  /** The status bits JACK reported when the client was opened. */
  get status(): Status {
    return this.#status;
  }

  /** Whether the client has been closed (by {@link Client.close} or by a server shutdown). */
  get closed(): boolean {
    return this.#native === null;
  }

  /** The sample rate of the JACK system. */
  get samplerate(): number {
    return this.#open().sampleRate();
  }

  /**
   * The JACK block size: the largest number of frames a process cycle can have. Setting it (a power
   * of two) asks the server to change it, which interrupts the audio flow.
   */
  get blocksize(): number {
    return this.#open().bufferSize();
  }

  set blocksize(blocksize: number) {
    if (!Number.isInteger(blocksize) || blocksize < 1 || (blocksize & (blocksize - 1)) !== 0) {
      throw new RangeError(`blocksize must be a power of two, got ${String(blocksize)}`);
    }
    const code = callNative(() => this.#open().setBufferSize(blocksize));
    if (code !== 0) throw new JackErrorCode(`cannot set the block size to ${blocksize}`, code);
  }

  /** Whether JACK runs with realtime scheduling (`-R`). */
  get realtime(): boolean {
    return this.#open().isRealtime();
  }

  /** The estimated current time in frames, for use outside the process callback. */
  get frameTime(): number {
    return callNative(() => this.#open().frameTime());
  }

  /** The estimated time in frames since the current process cycle began. */
  get framesSinceCycleStart(): number {
    return callNative(() => this.#open().framesSinceCycleStart());
  }

  /**
   * The frame time at the start of the current process cycle (`jack_last_frame_time`). Outside
   * the process callback: that of the last cycle. Wraps around at 2^32.
   */
  get lastFrameTime(): number {
    return callNative(() => this.#open().lastFrameTime());
  }

  /**
   * The times of the current cycle, for scheduling things precisely: its first frame, when it
   * started and when the next one will start (microseconds of {@link getTime}'s clock), and the
   * period in microseconds as JACK's delay-locked loop estimates it.
   *
   * @throws JackErrorCode when JACK cannot tell.
   */
  getCycleTimes(): CycleTimes {
    requireSupport('jack_get_cycle_times', 'reading cycle times');
    const { code, ...times } = callNative(() => this.#open().cycleTimes());
    if (code !== 0) throw new JackErrorCode(`cannot get the cycle times of client ${quote(this.#name)}`, code);
    return times;
  }

  /** The time (microseconds of {@link getTime}'s clock) of frame time `frames`. */
  framesToTime(frames: number): number {
    if (!Number.isInteger(frames) || frames < 0 || frames > 0xffffffff) {
      throw new RangeError(`frames must be an integer from 0 to 2^32 - 1, got ${frames}`);
    }
    requireSupport('jack_frames_to_time', 'converting frames to time');
    return callNative(() => this.#open().framesToTime(frames));
  }

  /** The frame time at `time` (microseconds of {@link getTime}'s clock); wraps around at 2^32. */
  timeToFrames(time: number): number {
    if (!Number.isSafeInteger(time) || time < 0) {
      throw new RangeError(`time must be a non-negative integer number of microseconds, got ${time}`);
    }
    requireSupport('jack_time_to_frames', 'converting time to frames');
    return callNative(() => this.#open().timeToFrames(time));
  }

  /** JACK's current estimate of its DSP load, in percent of the time available per cycle. */
  cpuLoad(): number {
    return callNative(() => this.#open().cpuLoad());
  }

  /** Audio input ports of this client. */
  get inports(): Ports<OwnPort> {
    return this.#inports;
  }

  /** Audio output ports of this client. */
  get outports(): Ports<OwnPort> {
    return this.#outports;
  }

  /** MIDI input ports of this client. */
  get midiInports(): Ports<OwnMidiPort> {
    return this.#midiInports;
  }

  /** MIDI output ports of this client. */
  get midiOutports(): Ports<OwnMidiPort> {
    return this.#midiOutports;
  }

  /** Whether `port` (a Port or a full port name) belongs to this client. */
  owns(port: Port | string): boolean {
    const name = portName(port, 'port');
    const info = this.#open().portInfo(name);
    if (info === null) throw noSuchPort(name);
    return info.mine;
  }

  /** Tells the server that the client is ready to process; connections need an active client. */
  activate(): void {
    const code = this.#open().activate();
    if (code !== 0) throw new JackErrorCode(`cannot activate client ${quote(this.#name)}`, code);
    this.#active = true;
  }

  /**
   * Removes the client from the process graph, which disconnects all its ports.
   *
   * @param ignoreErrors - when false, a failure throws a JackErrorCode.
   */
  deactivate(ignoreErrors = true): void {
    requireBoolean(ignoreErrors, 'ignoreErrors');
    const code = this.#open().deactivate();
    if (code === 0) this.#active = false;
    if (code !== 0 && !ignoreErrors) {
      throw new JackErrorCode(`cannot deactivate client ${quote(this.#name)}`, code);
    }
  }

  /**
   * Closes the client. Idempotent; afterwards every method throws a JackError and the client's
   * ports are unusable.
   *
   * @param ignoreErrors - when false, a failure of `jack_client_close` throws a JackErrorCode.
   */
  close(ignoreErrors = true): void {
    requireBoolean(ignoreErrors, 'ignoreErrors');
    const native = this.#native;
    if (native === null) return;
    this.#markClosed('is closed');
    const code = native.close();
    if (code !== 0 && !ignoreErrors) {
      throw new JackErrorCode(`error closing client ${quote(this.#name)}`, code);
    }
  }

  [Symbol.dispose](): void {
    this.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
  }

  /**
   * Connects `source` (an output) to `destination` (an input), by Port or full name.
   *
   * @throws JackErrorCode with code `EEXIST` (17) when the connection exists already.
   * @throws JackErrorCode saying why when JACK refuses (unknown port, wrong direction or type,
   *   inactive client).
   */
  connect(source: Port | string, destination: Port | string): void {
    const from = portName(source, 'source');
    const to = portName(destination, 'destination');
    const code = this.#open().connect(from, to);
    if (code === 0) return;
    if (code === EEXIST) {
      throw new JackErrorCode(`connection ${quote(from)} -> ${quote(to)} already exists`, code);
    }
    throw new JackErrorCode(`cannot connect ${quote(from)} -> ${quote(to)}: ${this.#whyNot(from, to)}`, code);
  }

  /** Removes the connection from `source` to `destination`, by Port or full name. */
  disconnect(source: Port | string, destination: Port | string): void {
    const from = portName(source, 'source');
    const to = portName(destination, 'destination');
    const native = this.#open();
    const code = native.disconnect(from, to);
    if (code === 0) return;
    let reason = this.#whyNot(from, to);
    if (reason === JACK_REFUSED && !this.#connected(from, to)) reason = 'they are not connected';
    throw new JackErrorCode(`cannot disconnect ${quote(from)} -> ${quote(to)}: ${reason}`, code);
  }

  /**
   * The ports that match: `pattern` is a regular expression on the full name (a string is a POSIX
   * extended regular expression evaluated by JACK, a RegExp is evaluated here), `filters` select by
   * type and flags.
   */
  getPorts(pattern?: string | RegExp | PortFilters, filters?: PortFilters): Port[] {
    if (pattern !== undefined && typeof pattern === 'object' && !(pattern instanceof RegExp)) {
      if (filters !== undefined) throw new TypeError('filters given twice: getPorts(filters) or getPorts(pattern, filters)');
      return this.getPorts('', pattern);
    }
    const namePattern = pattern ?? '';
    if (typeof namePattern !== 'string' && !(namePattern instanceof RegExp)) {
      throw new TypeError(`pattern must be a string or a RegExp, got ${typeof namePattern}`);
    }
    const selected = checkOptions<PortFilters>(filters, 'filters', {
      isAudio: 'boolean', isMidi: 'boolean', isInput: 'boolean', isOutput: 'boolean',
      isPhysical: 'boolean', canMonitor: 'boolean', isTerminal: 'boolean',
    });
    const typePattern = selected.isAudio && !selected.isMidi ? AUDIO_PORT_TYPE
      : selected.isMidi && !selected.isAudio ? MIDI_PORT_TYPE : '';
    let flags = 0;
    if (selected.isInput) flags |= PortFlag.isInput;
    if (selected.isOutput) flags |= PortFlag.isOutput;
    if (selected.isPhysical) flags |= PortFlag.isPhysical;
    if (selected.canMonitor) flags |= PortFlag.canMonitor;
    if (selected.isTerminal) flags |= PortFlag.isTerminal;
    const jackPattern = typeof namePattern === 'string' ? namePattern : '';
    let names = this.#open().getPorts(jackPattern, typePattern === '' ? '' : `^${escapeRegExp(typePattern)}$`, flags);
    if (namePattern instanceof RegExp) {
      const matcher = new RegExp(namePattern.source, namePattern.flags.replace(/[gy]/g, ''));
      names = names.filter((name) => matcher.test(name));
    }
    return this.#existingPorts(names);
  }

  /** The Port for a full port name. @throws JackError when there is no such port. */
  getPortByName(name: string): Port {
    return this.#ports.portByName(requireString(name, 'name'));
  }

  /** The ports `port` is connected to; the port need not belong to this client. */
  getAllConnections(port: Port | string): Port[] {
    const name = portName(port, 'port');
    const names = this.#open().portAllConnections(name);
    if (names === null) throw noSuchPort(name);
    return this.#existingPorts(names);
  }

  /** The UUID of the client named `name`. @throws JackError when there is no such client. */
  getUuidForClientName(name: string): string {
    requireString(name, 'name');
    requireSupport('jack_get_uuid_for_client_name', 'looking up client UUIDs');
    const uuid = this.#open().uuidForClientName(name);
    if (uuid === null) throw new JackError(`cannot get the UUID of client ${quote(name)}: no such client`);
    return uuid;
  }

  /** The name of the client with UUID `uuid`. @throws JackError when there is no such client. */
  getClientNameByUuid(uuid: string | bigint | number): string {
    const text = checkUuid(uuid);
    requireSupport('jack_get_client_name_by_uuid', 'looking up clients by UUID');
    const name = this.#open().clientNameByUuid(text);
    if (name === null) throw new JackError(`cannot get the client name for UUID ${text}: no such client`);
    return name;
  }

  /**
   * Sets the client's processor: code that runs once per JACK cycle in the client's audio worker
   * thread, in the same cycle (no added latency), while JACK's thread waits for it until a
   * deadline (a late cycle plays silence and is counted; the graph never waits longer).
   *
   * `processor` is the URL (or path) of a module whose default export is made by
   * `defineProcessor()` from `jack-client/processor`, or a self-contained function
   * `(frames, ports, context) => void`, which is copied into the worker as source text and so
   * cannot use variables from around it. Works before and after {@link Client.activate}; a new
   * processor replaces the old one.
   *
   * @returns the main thread's handle: state, counters, params, messages.
   * @throws TypeError or RangeError for a bad processor or options; JackError when the client is closed.
   */
  setProcessCallback(processor: URL | string | ProcessCallback, options?: ProcessCallbackOptions): Processor {
    this.#open();
    const source = processorSource(processor);
    const checked = checkProcessOptions(options);
    this.#processor?.detach();
    this.#processor = null;
    this.#processor = new Processor({
      native: () => this.#open(),
      clientName: this.#name,
      ports: (list) => [...this[list]],
      reportError: (error) => this.#runCallback(() => {
        throw error;
      }),
    }, source, checked, this.#transportHandlers);
    return this.#processor;
  }

  /** The processor set by {@link Client.setProcessCallback}, or null. */
  get processor(): Processor | null {
    return this.#processor;
  }

  // ---- Notifications. JACK2 takes callbacks only before activation; ours are installed when the
  // client opens, so each setter works at any time. They run on the main thread, never on JACK's.
  // A callback that throws CallbackExit is removed; other errors go to the `error` event.

  /** Calls `callback(starting)` when the server enters or leaves freewheel mode (event `freewheel`). */
  setFreewheelCallback(callback: NotificationCallback<'freewheel'> | null): void {
    this.#setNotification('freewheel', callback);
  }

  /** Calls `callback(blocksize)` when the block size changes (event `blocksize`). */
  setBlocksizeCallback(callback: NotificationCallback<'blocksize'> | null): void {
    this.#setNotification('blocksize', callback);
  }

  /**
   * Calls `callback(samplerate)` when the sample rate changes (event `samplerate`), and once right
   * away with the current rate, as JACK2 does.
   */
  setSamplerateCallback(callback: NotificationCallback<'samplerate'> | null): void {
    this.#setNotification('samplerate', callback);
    this.#notifications.callNow('samplerate', this.samplerate);
  }

  /** Calls `callback(name, register)` when another client is registered or goes away (event `clientRegistration`). */
  setClientRegistrationCallback(callback: NotificationCallback<'clientRegistration'> | null): void {
    this.#setNotification('clientRegistration', callback);
  }

  /**
   * Calls `callback(port, register)` when a port is registered or unregistered (event
   * `portRegistration`). An unregistered port is given only when this client still holds its Port
   * object (from `getPorts()`, say): with `onlyAvailable` (the default) the call is left out
   * otherwise, without it `port` is null.
   */
  setPortRegistrationCallback(callback: NotificationCallback<'portRegistration'> | null, onlyAvailable = true): void {
    this.#setNotification('portRegistration', callback, onlyAvailable);
  }

  /**
   * Calls `callback(a, b, connect)` when two ports are connected or disconnected (event
   * `portConnect`); a port already gone leaves the call out, or is null without `onlyAvailable`.
   */
  setPortConnectCallback(callback: NotificationCallback<'portConnect'> | null, onlyAvailable = true): void {
    this.#setNotification('portConnect', callback, onlyAvailable);
  }

  /** Calls `callback(port, oldName, newName)` when a port is renamed (event `portRename`). */
  setPortRenameCallback(callback: NotificationCallback<'portRename'> | null, onlyAvailable = true): void {
    this.#setNotification('portRename', callback, onlyAvailable);
  }

  /** Calls `callback()` when the processing graph is reordered (event `graphOrder`). */
  setGraphOrderCallback(callback: NotificationCallback<'graphOrder'> | null): void {
    this.#setNotification('graphOrder', callback);
  }

  /** Calls `callback(delayedUsecs)` after an xrun, with the delay it caused in microseconds (event `xrun`). */
  setXrunCallback(callback: NotificationCallback<'xrun'> | null): void {
    this.#setNotification('xrun', callback);
  }

  /**
   * Calls `callback(subject, key, change)` when a metadata property is created, changed or deleted
   * (`PROPERTY_CREATED`, `PROPERTY_CHANGED`, `PROPERTY_DELETED`; event `propertyChange`). `key` is
   * '' when all properties of `subject` were removed.
   */
  setPropertyChangeCallback(callback: NotificationCallback<'propertyChange'> | null): void {
    this.#setNotification('propertyChange', callback);
  }

  /**
   * Takes over the latency ranges of this client's ports (beyond the Python module): when JACK
   * recomputes latencies, `callback(mode)` runs on the main thread and sets the ports' ranges with
   * `port.setLatencyRange()`. Since that is after JACK's pass, a callback that changed a range
   * makes the library ask JACK to recompute once more, so the ranges reach the clients downstream.
   * Without a callback (or with the `latency` event only) the ranges follow JACK2's default: every
   * input depends on every output. JACK accepts a latency callback only before activation: set it
   * (or listen to `latency`) before {@link Client.activate}.
   *
   * @throws JackError when the client is active.
   */
  setLatencyCallback(callback: NotificationCallback<'latency'> | null): void {
    this.#open();
    if (callback !== null) this.#installLatency('setLatencyCallback()');
    this.#setNotification('latency', callback);
  }

  // ---- Latency and statistics (libjack, beyond the Python module)

  /** Asks JACK to recompute the latencies of the whole graph (after changing ranges outside a latency callback). */
  recomputeTotalLatencies(): void {
    requireSupport('jack_recompute_total_latencies', 'recomputing latencies');
    const code = callNative(() => this.#open().recomputeTotalLatencies());
    if (code !== 0) throw new JackErrorCode('cannot recompute the total latencies', code);
  }

  /** The longest delay of a cycle (in microseconds) since the last reset. */
  getMaxDelayedUsecs(): number {
    requireSupport('jack_get_max_delayed_usecs', 'delay statistics');
    return callNative(() => this.#open().maxDelayedUsecs());
  }

  /** Sets the maximum delay back to zero. */
  resetMaxDelayedUsecs(): void {
    requireSupport('jack_reset_max_delayed_usecs', 'delay statistics');
    callNative(() => this.#open().resetMaxDelayedUsecs());
  }

  /** The delay in microseconds caused by the most recent xrun. */
  getXrunDelayedUsecs(): number {
    requireSupport('jack_get_xrun_delayed_usecs', 'delay statistics');
    return callNative(() => this.#open().xrunDelayedUsecs());
  }

  /** Starts (true) or stops freewheel mode: the server runs the graph as fast as it can. */
  setFreewheel(onoff: boolean): void {
    requireBoolean(onoff, 'onoff');
    requireSupport('jack_set_freewheel', 'freewheel mode');
    const code = callNative(() => this.#open().setFreewheel(onoff));
    if (code !== 0) throw new JackErrorCode(`cannot ${onoff ? 'start' : 'stop'} freewheel mode`, code);
  }

  // ---- Transport

  /** Starts the JACK transport rolling (realtime-safe in libjack; here from the main thread). */
  transportStart(): void {
    requireSupport('jack_transport_start', 'the transport');
    callNative(() => this.#open().transportStart());
  }

  /** Stops the JACK transport. */
  transportStop(): void {
    requireSupport('jack_transport_stop', 'the transport');
    callNative(() => this.#open().transportStop());
  }

  /** The transport state: compares equal to `STOPPED`, `ROLLING`, `STARTING` or `NETSTARTING`. */
  get transportState(): TransportState {
    return new TransportState(transport.queryStruct(this.#open())[0]);
  }

  /**
   * An estimate of the current transport frame, including the time since the last position update.
   * Setting it repositions the transport (`jack_transport_locate`).
   */
  get transportFrame(): number {
    return transport.currentFrame(this.#open());
  }

  set transportFrame(frame: number) {
    transport.locate(this.#open(), frame);
  }

  /** @deprecated Set {@link Client.transportFrame} instead (as in the Python module). */
  transportLocate(frame: number): void {
    if (!locateWarned) {
      locateWarned = true;
      process.emitWarning('transportLocate() is deprecated, set transportFrame instead', 'DeprecationWarning');
    }
    this.transportFrame = frame;
  }

  /** The transport state and a position with only its valid fields (see {@link position2dict}). */
  transportQuery(): [state: TransportState, position: PositionDict] {
    return transport.query(this.#open());
  }

  /** The transport state (a number) and the whole position struct. */
  transportQueryStruct(): [state: number, position: TransportPosition] {
    return transport.queryStruct(this.#open());
  }

  /**
   * Requests a new transport position (`frame`, and BBT or timecode fields as `valid` says); it takes
   * effect in two cycles. A struct from {@link Client.transportQueryStruct} can be changed and given back.
   */
  transportRepositionStruct(position: Partial<TransportPosition> & { frame: number }): void {
    transport.reposition(this.#open(), position);
  }

  /**
   * How long (microseconds) the transport waits for slow-sync clients before rolling anyway; default
   * 2 s on JACK2. PipeWire's JACK waits 5 s at most (and by default), takes a new timeout into
   * account from the next cycle and keeps the shortest one any client set while its driver runs;
   * the library converts the value to the nanoseconds PipeWire reads.
   */
  setSyncTimeout(timeout: number): void {
    transport.setSyncTimeout(this.#open(), timeout);
  }

  /**
   * Makes this a slow-sync client (null: no longer). `callback(state, position, context)` runs in
   * the client's audio worker just before the process cycle, whenever a new position is requested
   * or the transport is starting, and returns true when the client is ready to roll from
   * `position`. It is a self-contained function, copied to the worker as source text like the short
   * form of {@link Client.setProcessCallback}; `context` is the processor's context. Starts the
   * audio worker (with a silent processor) when no processor is set.
   */
  setSyncCallback(callback: SyncFunction | null): void {
    const native = this.#open();
    requireSupport('jack_set_sync_callback', 'slow-sync clients');
    if (callback === null) {
      callNative(() => native.setSyncCallback(false));
      this.#setTransportHandler('sync', null);
      return;
    }
    this.#setTransportHandler('sync', shortFormSource(callback, 'setSyncCallback'));
    const code = callNative(() => native.setSyncCallback(true));
    if (code !== 0) throw new JackErrorCode('cannot set the sync callback', code);
  }

  /**
   * Makes this client the timebase master: `callback(state, blocksize, position, newPosition,
   * context)` runs in the audio worker right after each process cycle while the transport rolls (and
   * after a new position was requested) and fills the extended fields of `position` (BBT, timecode;
   * set `position.valid`) for the next cycle. A self-contained function, as for
   * {@link Client.setSyncCallback}. Needs a same-cycle processor (not `buffered`).
   *
   * When the worker missed a request (late past the cycle's deadline, or still busy), JACK keeps
   * a position the callback did not write; the next request then has `newPosition` true, so a
   * callback that counts on from the previous position starts over from `position.frame`.
   *
   * @returns false when `conditional` is true and another client is timebase master already.
   */
  setTimebaseCallback(callback: TimebaseFunction, conditional = false): boolean {
    requireBoolean(conditional, 'conditional');
    const native = this.#open();
    requireSupport('jack_set_timebase_callback', 'timebase masters');
    if (this.#processor?.buffered === true && !this.#processor.ended) {
      throw new JackError('a timebase callback needs the same-cycle mode: the processor of this client is buffered');
    }
    const previous = this.#transportHandlers.timebase;
    this.#setTransportHandler('timebase', shortFormSource(callback, 'setTimebaseCallback'));
    let master = false;
    try {
      master = transport.becomeTimebaseMaster(native, conditional);
    } finally {
      if (!master) this.#setTransportHandler('timebase', previous);
    }
    return master;
  }

  /** Gives up being the timebase master. @throws JackError when this client is not the master. */
  releaseTimebase(): void {
    transport.releaseTimebase(this.#open());
    this.#setTransportHandler('timebase', null);
  }

  // ---- Metadata (the getters are the module functions getProperty, getProperties, getAllProperties)

  /**
   * Sets the property `key` of `subject` (a UUID, or a Client or Port) to `value`: a string, or
   * bytes without NUL (JACK stores C strings). `type` is a MIME type or URI; '' means a UTF-8 string.
   */
  setProperty(subject: metadata.PropertySubject, key: string, value: string | Uint8Array, type = ''): void {
    metadata.setProperty(this.#open(), subject, key, value, type);
  }

  /** Removes the property `key` of `subject`. @throws JackError when it has no such property. */
  removeProperty(subject: metadata.PropertySubject, key: string): void {
    metadata.removeProperty(this.#open(), subject, key);
  }

  /** Removes all properties of `subject`; returns how many there were. */
  removeProperties(subject: metadata.PropertySubject): number {
    return metadata.removeProperties(this.#open(), subject);
  }

  /** Removes every property of every subject on the server. Cannot be undone. */
  removeAllProperties(): void {
    metadata.removeAllProperties(this.#open());
  }

  /**
   * Sets the function called when the server shuts this client down (also the `shutdown` event).
   * It runs on the main thread, after the client has been marked closed.
   */
  setShutdownCallback(callback: ShutdownCallback | null): void {
    this.#shutdownCallback = callback === null ? null : requireFunction<ShutdownCallback>(callback, 'callback');
  }

  override toString(): string {
    return `Client(${quote(this.#name)})`;
  }

  [inspect.custom](): string {
    return this.#native === null ? `Client(${quote(this.#name)}, closed)` : this.toString();
  }

  #setNotification<N extends NotificationName>(name: N, callback: NotificationCallback<N> | null, onlyAvailable = true): void {
    this.#open();
    this.#notifications.set(name, callback, onlyAvailable);
  }

  #installLatency(caller: string): void {
    if (this.#latencyInstalled) return;
    if (this.#active) {
      throw new JackError(`${caller} must come before activate(): JACK accepts a latency callback only on an inactive client`);
    }
    requireSupport('jack_set_latency_callback', 'the latency callback');
    const code = callNative(() => this.#open().installLatencyCallback());
    if (code !== 0) throw new JackErrorCode('cannot set the latency callback', code);
    this.#latencyInstalled = true;
  }

  /** JACK2's default, which it skips once a latency callback is installed: the widest range across. */
  #defaultLatency(mode: LatencyMode): void {
    const [from, to] = mode === 'playback' ? [this.#outports, this.#inports] : [this.#inports, this.#outports];
    const fromPorts = [...from, ...(mode === 'playback' ? this.#midiOutports : this.#midiInports)];
    const toPorts = [...to, ...(mode === 'playback' ? this.#midiInports : this.#midiOutports)];
    let min = Infinity;
    let max = 0;
    for (const port of fromPorts) {
      const range = port.getLatencyRange(mode);
      min = Math.min(min, range.min);
      max = Math.max(max, range.max);
    }
    if (min === Infinity) min = 0;
    for (const port of toPorts) port.setLatencyRange(mode, { min, max });
  }

  #afterLatencyCallback(): void {
    if (!this.#latencyChanged || this.#native === null) return;
    this.#latencyChanged = false;
    this.#native.recomputeTotalLatencies();
  }

  #setTransportHandler(handler: keyof TransportHandlerSources, source: string | null): void {
    this.#transportHandlers = { ...this.#transportHandlers, [handler]: source };
    const running = this.#processor !== null && !this.#processor.ended;
    if (running) this.#processor!.setTransportHandlers(this.#transportHandlers);
    else if (source !== null) this.setProcessCallback(() => {});
  }

  #unique(opened: UniqueOpen, args: OpenArguments): UniqueOpen {
    if (!opened.result.opened || !libjack().supports('jack_get_uuid_for_client_name')) return opened;
    return ensureUniqueName(opened, args[0], this.#options.useExactName === true, (name) => {
      const native = new (libjack().NativeClient)();
      return { native, result: native.open(name, args[1], args[2], args[3]) };
    });
  }

  #adopt({ native, result }: UniqueOpen): void {
    this.#status = new Status(result.status);
    if (!result.opened) {
      throw new JackOpenError(this.#name, this.#status, describeOpenFailure(this.#status, this.#name, this.#options));
    }
    this.#native = native;
    this.#name = native.name();
    openClients.add(this);
    if (!exitHookInstalled) {
      process.on('exit', closeAllAtExit);
      exitHookInstalled = true;
    }
    listen(result.id, (kind, value, text) => {
      if (kind === RecordKind.shutdown) this.#onShutdown(value, text);
      else this.#notifications.deliver(kind, value, text);
    });
    this.#notifications.update();
  }

  #onShutdown(code: number, reason: string): void {
    const native = this.#native;
    if (native === null) return;
    this.#markClosed(`was shut down by the JACK server (${reason})`);
    native.close();
    const status = new Status(code);
    this.#runCallback(() => this.#shutdownCallback?.(status, reason));
    this.#runCallback(() => this.emit('shutdown', status, reason));
  }

  #runCallback(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      if (this.listenerCount('error') > 0) this.emit('error', error as Error);
      else throw error;
    }
  }

  #markClosed(reason: string): void {
    const native = this.#native;
    if (native === null) return;
    this.#native = null;
    this.#closedReason = reason;
    openClients.delete(this);
    stopListening(native.id());
    this.#processor?.detach();
    for (const list of [this.#inports, this.#outports, this.#midiInports, this.#midiOutports]) {
      for (const port of list) port.invalidate(`belongs to client ${quote(this.#name)}, which ${reason}`);
      list.forget();
    }
    this.#cache.clear();
  }

  #open(): NativeClient {
    if (this.#native === null) {
      throw new JackError(`client ${quote(this.#name)} ${this.#closedReason}`);
    }
    return this.#native;
  }

  #existingPorts(names: string[]): Port[] {
    const ports: Port[] = [];
    const native = this.#open();
    for (const name of names) {
      const info = native.portInfo(name);
      if (info !== null) ports.push(this.#portFromInfo(info, name));
    }
    return ports;
  }

  #portFromInfo(info: NativePortInfo, reference: number | string): Port {
    const key = info.uuid ?? info.name;
    const cached = this.#cache.get(key);
    if (cached !== undefined && (typeof reference === 'number' || info.mine || cached.name === info.name)) {
      return cached;
    }
    const port = makePort(this.#ports, reference, info);
    this.#cache.set(key, port);
    return port;
  }

  #connected(from: string, to: string): boolean {
    const connections = this.#open().portAllConnections(from);
    return connections !== null && connections.includes(to);
  }

  #whyNot(from: string, to: string): string {
    const native = this.#open();
    const source = native.portInfo(from);
    const destination = native.portInfo(to);
    if (source === null) return `port ${quote(from)} does not exist`;
    if (destination === null) return `port ${quote(to)} does not exist`;
    if (!(source.flags & PortFlag.isOutput)) {
      return `${quote(from)} is an input port, and a connection goes from an output to an input`;
    }
    if (!(destination.flags & PortFlag.isInput)) {
      return `${quote(to)} is an output port, and a connection goes from an output to an input`;
    }
    if (source.type !== destination.type) {
      return `${quote(from)} is ${typeLabel(source.type)} and ${quote(to)} is ${typeLabel(destination.type)}; ` +
        'only ports of the same type can be connected';
    }
    return JACK_REFUSED;
  }

  #registerPort<P extends OwnPort>(type: string, direction: number, shortname: string, options: RegisterOptions, list: Ports<P>): P {
    const native = this.#open();
    const checked = checkShortPortName(this.#name, shortname, 'shortname', maxRegisteredPortNameBytes());
    const fullName = `${this.#name}:${checked}`;
    if (native.portInfo(fullName) !== null) {
      throw new JackError(`cannot register port ${quote(fullName)}: the client already has a port of that name`);
    }
    let flags = direction;
    if (options.isTerminal) flags |= PortFlag.isTerminal;
    if (options.isPhysical) flags |= PortFlag.isPhysical;
    const handle = native.portRegister(checked, type, flags);
    if (handle === null) throw new JackError(`cannot register port ${quote(fullName)}: JACK refused it`);
    const info = native.portInfo(handle);
    if (info === null) throw new JackError(`port ${quote(fullName)} vanished right after registration`);
    const port = this.#portFromInfo(info, handle) as P;
    this.#unregisterFromList.set(port, () => list.remove(port));
    return port;
  }

  #portsChanged(): void {
    this.#processor?.relayout();
  }

  #unregister(port: OwnPort): void {
    const native = this.#open();
    const name = port.name;
    const uuid = port.uuid;
    this.#processor?.relayout(port);
    const code = native.portUnregister(port.nativeHandle());
    if (code !== 0) throw new JackErrorCode(`cannot unregister port ${quote(name)}`, code);
    this.#unregisterFromList.get(port)?.();
    this.#cache.delete(uuid);
    port.invalidate('was unregistered');
  }

  #listOwner<P extends OwnPort>(type: string, direction: number): PortsOwner<P> {
    return {
      registerPort: (shortname, options, list) => this.#registerPort(type, direction, shortname, options, list),
      registered: () => this.#portsChanged(),
    };
  }

  #portOwner(): PortOwner {
    return {
      native: () => this.#open(),
      portByName: (name) => {
        const info = this.#open().portInfo(name);
        if (info === null) throw noSuchPort(name);
        return this.#portFromInfo(info, name);
      },
      connect: (source, destination) => this.connect(source, destination),
      disconnect: (source, destination) => this.disconnect(source, destination),
      unregister: (port) => this.#unregister(port),
      latencyChanged: () => {
        this.#latencyChanged = true;
      },
    };
  }
}

type OpenArguments = [name: string, options: number, serverName: string | null, sessionId: string | null];

const pendingOpens = new WeakMap<Client, { native: NativeClient; args: OpenArguments }>();

const EEXIST = 17;
const JACK_REFUSED = 'JACK refused it (is the client active? connections need activate() first)';

function openArguments(name: string, options: Partial<ClientOptions>): OpenArguments {
  let bits = 0;
  if (options.noStartServer) bits |= OpenOption.noStartServer;
  if (options.useExactName) bits |= OpenOption.useExactName;
  return [name, bits, options.serverName || null, options.sessionId || null];
}

function portName(port: Port | string, parameter: string): string {
  if (port instanceof Port) {
    port.checkUsable();
    return port.name;
  }
  return requireString(port, parameter);
}

function noSuchPort(name: string): JackError {
  return new JackError(`port ${quote(name)} does not exist`);
}

function typeLabel(type: string): string {
  if (type === AUDIO_PORT_TYPE) return 'an audio port';
  if (type === MIDI_PORT_TYPE) return 'a MIDI port';
  return `a port of type ${quote(type)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function processorSource(processor: unknown): { kind: 'module'; url: string } | { kind: 'function'; source: string } {
  if (typeof processor === 'function') {
    return { kind: 'function', source: shortFormSource(processor as ProcessCallback) };
  }
  let url: URL;
  if (processor instanceof URL) url = processor;
  else if (typeof processor === 'string') url = /^[a-z][a-z0-9+.-]*:/i.test(processor) ? new URL(processor) : pathToFileURL(resolve(processor));
  else throw new TypeError(`processor must be a module URL or path, or a function, got ${describeType(processor)}`);
  if (url.protocol === 'file:' && !existsSync(fileURLToPath(url))) {
    throw new TypeError(`processor module ${fileURLToPath(url)} does not exist`);
  }
  return { kind: 'module', url: url.href };
}

function checkProcessOptions(options: ProcessCallbackOptions | undefined): CheckedOptions {
  const checked = checkOptions<ProcessCallbackOptions>(options, 'options', {
    params: 'object',
    processorOptions: 'any',
    deadline: 'number',
    pin: 'boolean',
    spin: 'boolean',
    buffered: 'boolean',
  });
  const deadline = checked.deadline ?? DEFAULT_DEADLINE;
  if (!(deadline > 0 && deadline <= 1)) {
    throw new RangeError(`options.deadline must be a fraction of the period, 0 < deadline <= 1, got ${deadline}`);
  }
  return {
    params: checkParams(checked.params),
    processorOptions: checked.processorOptions,
    deadline,
    pin: checked.pin ?? false,
    spin: checked.spin ?? (!checked.pin && availableParallelism() > 1),
    buffered: checked.buffered ?? false,
  };
}

function describeType(value: unknown): string {
  return value === null ? 'null' : typeof value;
}
