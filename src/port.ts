import { inspect } from 'node:util';

import { describe, quote, requireBoolean, requireString } from './arguments.js';
import { AUDIO_PORT_TYPE, MIDI_PORT_TYPE, PortFlag } from './constants.js';
import { JackError, JackErrorCode } from './errors.js';
import { callNative, libjack, requireSupport } from './library.js';
import { checkShortPortName, maxRenamedPortNameBytes } from './limits.js';
import { NO_SUCH_PORT, type NativeClient, type NativePortInfo, type NativePortRef } from './native.js';
import type { PortOwner } from './port-owner.js';
import type { LatencyMode } from './notifications.js';

const CONSTRUCTING = Symbol('jack-client: internal port construction');
const EINVAL = 22;

/** A latency range in frames. */
export interface LatencyRange {
  min: number;
  max: number;
}

function latencyModeNumber(mode: unknown): number {
  if (mode === 'capture') return 0;
  if (mode === 'playback') return 1;
  throw new TypeError(`mode must be 'capture' or 'playback', got ${describe(mode)}`);
}

function checkLatencyRange(range: unknown): LatencyRange {
  if (typeof range !== 'object' || range === null) {
    throw new TypeError(`range must be an object { min, max }, got ${describe(range)}`);
  }
  const { min, max } = range as Record<string, unknown>;
  for (const [name, value] of [['min', min], ['max', max]] as const) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw new RangeError(`range.${name} must be a whole number of frames (0..4294967295), got ${describe(value)}`);
    }
  }
  if ((min as number) > (max as number)) throw new RangeError(`range.min (${min}) must not exceed range.max (${max})`);
  return { min: min as number, max: max as number };
}

/**
 * A JACK audio port, and the base class of every port class.
 *
 * Port objects are never constructed directly: they come from {@link Client.getPorts},
 * {@link Client.getPortByName}, {@link Client.getAllConnections}, {@link OwnPort.connections} and
 * the `register()` method of the client's port lists. The same JACK port gives the same object
 * while the client holds on to it, so `===` and `Array.prototype.includes` work; {@link Port.equals}
 * compares by JACK identity in every case.
 */
export class Port {
  readonly #owner: PortOwner;
  #reference: NativePortRef;
  #lastName: string;
  #invalidReason: string | null = null;
  readonly #type: string;
  readonly #flags: number;
  readonly #uuid: string | null;

  /** @internal Ports are made by the client. */
  constructor(token: symbol, owner: PortOwner, reference: NativePortRef, info: NativePortInfo) {
    if (token !== CONSTRUCTING) {
      throw new TypeError('Port objects cannot be constructed directly; get them from a Client');
    }
    this.#owner = owner;
    this.#reference = reference;
    this.#lastName = info.name;
    this.#type = info.type;
    this.#flags = info.flags;
    this.#uuid = info.uuid;
  }

  /** Full name of the JACK port, `client:port`. */
  get name(): string {
    if (typeof this.#reference === 'number' && this.#invalidReason === null) {
      this.#lastName = this.#info().name;
    }
    return this.#lastName;
  }

  /**
   * Short name of the JACK port, without the client name. Setting it renames the port
   * (`jack_port_rename`); the new full name must fit JACK's limit, which is checked first because
   * JACK would truncate it silently.
   */
  get shortname(): string {
    return this.#info().shortName;
  }

  set shortname(shortname: string) {
    requireSupport('jack_port_rename', 'renaming a port');
    const clientName = this.name.slice(0, this.name.indexOf(':'));
    const checked = checkShortPortName(clientName, shortname, 'shortname', maxRenamedPortNameBytes());
    const code = this.#call((native, reference) => native.portRename(reference, checked));
    this.#check(code, `cannot rename port ${quote(this.#lastName)} to ${quote(checked)}`);
    if (typeof this.#reference === 'string') {
      this.#reference = `${clientName}:${checked}`;
      this.#lastName = this.#reference;
    }
  }

  /** The port's aliases (at most two). */
  get aliases(): string[] {
    requireSupport('jack_port_get_aliases', 'port aliases');
    const aliases = this.#call((native, reference) => native.portAliases(reference));
    if (aliases === null) throw this.#gone();
    return aliases;
  }

  /** Sets an alias; a port can have two. Setting a third fails with a JackError. */
  setAlias(alias: string): void {
    requireString(alias, 'alias');
    requireSupport('jack_port_set_alias', 'port aliases');
    const existing = this.aliases;
    if (existing.length >= 2 && !existing.includes(alias)) {
      throw new JackError(
        `cannot set alias ${quote(alias)} on ${quote(this.name)}: it already has two aliases (${existing.map(quote).join(', ')})`,
      );
    }
    const code = this.#call((native, reference) => native.portSetAlias(reference, alias));
    if (code === -EINVAL && libjack().isPipeWire() && !this.#info().mine) {
      throw new JackErrorCode(`cannot set alias ${quote(alias)} on ${quote(this.name)}: PipeWire's JACK sets aliases only on the client's own ports`, code);
    }
    this.#check(code, `cannot set alias ${quote(alias)} on ${quote(this.name)}`);
  }

  /** Removes an alias; removing one the port does not have fails with a JackError. */
  unsetAlias(alias: string): void {
    requireString(alias, 'alias');
    requireSupport('jack_port_unset_alias', 'port aliases');
    if (!this.aliases.includes(alias)) {
      throw new JackError(`cannot unset alias ${quote(alias)}: ${quote(this.name)} has no such alias`);
    }
    const code = this.#call((native, reference) => native.portUnsetAlias(reference, alias));
    this.#check(code, `cannot unset alias ${quote(alias)} on ${quote(this.name)}`);
  }

  /** The port's UUID, as a decimal string (JACK UUIDs are 64-bit). */
  get uuid(): string {
    if (this.#uuid === null) requireSupport('jack_port_uuid', 'port UUIDs');
    return this.#uuid as string;
  }

  /** The JACK port type string, e.g. `'32 bit float mono audio'`. */
  get type(): string {
    return this.#type;
  }

  /** True for audio ports. */
  get isAudio(): boolean {
    return this.#type === AUDIO_PORT_TYPE;
  }

  /** True for MIDI ports. */
  get isMidi(): boolean {
    return this.#type === MIDI_PORT_TYPE;
  }

  /** Can the port receive data? */
  get isInput(): boolean {
    return (this.#flags & PortFlag.isInput) !== 0;
  }

  /** Can data be read from this port? */
  get isOutput(): boolean {
    return (this.#flags & PortFlag.isOutput) !== 0;
  }

  /** Does it correspond to some kind of physical I/O connector? */
  get isPhysical(): boolean {
    return (this.#flags & PortFlag.isPhysical) !== 0;
  }

  /** Does a call to {@link Port.requestMonitor} make sense? */
  get canMonitor(): boolean {
    return (this.#flags & PortFlag.canMonitor) !== 0;
  }

  /** Is the data consumed (input) or generated (output) here rather than passed on? */
  get isTerminal(): boolean {
    return (this.#flags & PortFlag.isTerminal) !== 0;
  }

  /** Turns input monitoring on or off; does nothing when {@link Port.canMonitor} is false. */
  requestMonitor(onoff: boolean): void {
    requireBoolean(onoff, 'onoff');
    const code = this.#call((native, reference) => native.portRequestMonitor(reference, onoff));
    this.#check(code, `cannot switch monitoring ${onoff ? 'on' : 'off'} for ${quote(this.name)}`);
  }

  /** Whether input monitoring is on for this port (`jack_port_monitoring_input`). */
  get monitoringInput(): boolean {
    const monitoring = this.#call((native, reference) => native.portMonitoringInput(reference));
    if (monitoring === null) throw this.#gone();
    return monitoring;
  }

  /**
   * The port's latency range in frames (beyond the Python module): for `'capture'`, how long ago
   * the data arriving here was captured; for `'playback'`, how long until data leaving here is played.
   */
  getLatencyRange(mode: LatencyMode): LatencyRange {
    const modeNumber = latencyModeNumber(mode);
    requireSupport('jack_port_get_latency_range', 'latency ranges');
    const range = this.#call((native, reference) => native.portLatencyRange(reference, modeNumber));
    if (range === null) throw this.#gone();
    return { min: range[0], max: range[1] };
  }

  /**
   * Sets the port's latency range for `mode`; meant for this client's own ports in a latency
   * callback ({@link Client.setLatencyCallback}). Outside one, call
   * {@link Client.recomputeTotalLatencies} after changing ranges.
   */
  setLatencyRange(mode: LatencyMode, range: LatencyRange): void {
    const modeNumber = latencyModeNumber(mode);
    const { min, max } = checkLatencyRange(range);
    requireSupport('jack_port_set_latency_range', 'latency ranges');
    const current = this.getLatencyRange(mode);
    if (current.min === min && current.max === max) return;
    const code = this.#call((native, reference) => native.portSetLatencyRange(reference, modeNumber, min, max));
    this.#check(code, `cannot set the ${mode} latency of ${quote(this.name)}`);
    this.#owner.latencyChanged();
  }

  /** Whether `other` is the same JACK port (compared by UUID, or by name where UUIDs are missing). */
  equals(other: unknown): boolean {
    if (!(other instanceof Port)) return false;
    if (other === this) return true;
    if (this.#uuid !== null && other.#uuid !== null) return this.#uuid === other.#uuid;
    return this.name === other.name;
  }

  toString(): string {
    return this.#lastName;
  }

  [inspect.custom](): string {
    return `${this.constructor.name}(${quote(this.#lastName)})`;
  }

  /** @internal The native client and this port's reference; throws when either is unusable. */
  protected use(): [NativeClient, NativePortRef] {
    return this.#use();
  }

  /** @internal Throws when this port object is no longer usable. */
  protected ref(): NativePortRef {
    return this.#ref();
  }

  /** @internal */
  protected get owner(): PortOwner {
    return this.#owner;
  }

  /** @internal */
  protected check(code: number, what: string): void {
    this.#check(code, what);
  }

  /** @internal The error for a port that has disappeared from JACK. */
  protected gone(): JackError {
    return this.#gone();
  }

  /** @internal Throws the JackError that says why this port object is unusable, if it is. */
  checkUsable(): void {
    this.#ref();
  }

  /** @internal Makes every later use of this object throw, saying why. */
  invalidate(reason: string): void {
    if (this.#invalidReason === null) {
      if (typeof this.#reference === 'number') {
        try {
          this.#lastName = this.#info().name;
        } catch {
          // keep the last name we knew
        }
      }
      this.#invalidReason = reason;
    }
  }

  /** Calls the addon with this port's reference, turning "unsupported" into a JackError. */
  #call<T>(call: (native: NativeClient, reference: NativePortRef) => T): T {
    return callNative(() => call(...this.#use()));
  }

  /** The native client and this port's reference; the port's own state is checked first. */
  #use(): [NativeClient, NativePortRef] {
    const reference = this.#ref();
    return [this.#owner.native(), reference];
  }

  #ref(): NativePortRef {
    if (this.#invalidReason !== null) {
      throw new JackError(`port ${quote(this.#lastName)} ${this.#invalidReason}`);
    }
    return this.#reference;
  }

  #info(): NativePortInfo {
    const [native, reference] = this.#use();
    const info = native.portInfo(reference);
    if (info === null) throw this.#gone();
    return info;
  }

  #gone(): JackError {
    return new JackError(`port ${quote(this.#lastName)} no longer exists in JACK`);
  }

  #check(code: number, what: string): void {
    if (code === NO_SUCH_PORT) throw this.#gone();
    if (code !== 0) throw new JackErrorCode(what, code);
  }
}

/** A JACK MIDI port of another client. `ownMidiPort instanceof MidiPort` is true as well. */
export class MidiPort extends Port {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return Function.prototype[Symbol.hasInstance].call(this, value) ||
      (this === MidiPort && value instanceof OwnMidiPort);
  }
}

/** A port of another client whose type is neither audio nor MIDI; see {@link Port.type}. */
export class UnknownPort extends Port {}

/** An audio port registered by this client. */
export class OwnPort extends Port {
  /** Number of connections to or from this port. */
  get numberOfConnections(): number {
    const [native, reference] = this.use();
    const count = native.portConnectionCount(reference);
    if (count === NO_SUCH_PORT) throw this.gone();
    return count;
  }

  /** The ports this port is connected to. */
  get connections(): Port[] {
    const [native, reference] = this.use();
    const names = native.portConnections(reference);
    if (names === null) throw this.gone();
    return names.map((name) => this.owner.portByName(name));
  }

  /** Whether this port is directly connected to `port` (a Port or a full port name). */
  isConnectedTo(port: Port | string): boolean {
    const otherName = port instanceof Port ? port.name : requireString(port, 'port');
    const [native, reference] = this.use();
    const connected = native.portIsConnectedTo(reference, otherName);
    if (connected === null) throw this.gone();
    return connected;
  }

  /** Connects this port to `port`, in the direction their kinds allow (output to input). */
  connect(port: Port | string): void {
    this.ref();
    const other = port instanceof Port ? port : this.owner.portByName(requireString(port, 'port'));
    if (this.isOutput) this.owner.connect(this, other);
    else this.owner.connect(other, this);
  }

  /** Disconnects this port from `other`, or from every port when `other` is omitted. */
  disconnect(other?: Port | string): void {
    this.ref();
    if (other === undefined) {
      const [native, reference] = this.use();
      const code = native.portDisconnectAll(reference);
      this.check(code, `cannot disconnect ${quote(this.name)}`);
      return;
    }
    const otherName = other instanceof Port ? other.name : requireString(other, 'other');
    if (this.isOutput) this.owner.disconnect(this, otherName);
    else this.owner.disconnect(otherName, this);
  }

  /** Unregisters the port: it is disconnected, leaves its port list, and this object becomes unusable. */
  unregister(): void {
    this.ref();
    this.owner.unregister(this);
  }

  /** @internal */
  nativeHandle(): number {
    return this.ref() as number;
  }
}

/** A MIDI port registered by this client. */
export class OwnMidiPort extends OwnPort {}

/** @internal Creates the right Port subclass for what the addon reported. */
export function makePort(owner: PortOwner, reference: NativePortRef, info: NativePortInfo): Port {
  const isMidi = info.type === MIDI_PORT_TYPE;
  const isAudio = info.type === AUDIO_PORT_TYPE;
  if (info.mine && typeof reference === 'number') {
    return isMidi ? new OwnMidiPort(CONSTRUCTING, owner, reference, info)
      : new OwnPort(CONSTRUCTING, owner, reference, info);
  }
  if (isAudio) return new Port(CONSTRUCTING, owner, reference, info);
  if (isMidi) return new MidiPort(CONSTRUCTING, owner, reference, info);
  return new UnknownPort(CONSTRUCTING, owner, reference, info);
}
