// The one file that loads the addon and declares its interface. The addon returns raw libjack
// results (codes, nulls, names); everything else is done in TypeScript.
import { createRequire } from 'node:module';

/** A port as the addon sees it: an index into the client's own ports, or a full port name. */
export type NativePortRef = number | string;

export interface NativePortInfo {
  name: string;
  shortName: string;
  type: string;
  flags: number;
  /** Decimal UUID, or null when this libjack has no jack_port_uuid. */
  uuid: string | null;
  mine: boolean;
}

export interface NativeOpenResult {
  opened: boolean;
  status: number;
  id: number;
}

export interface NativeClient {
  open(name: string, options: number, serverName: string | null, sessionId: string | null): NativeOpenResult;
  openAsync(name: string, options: number, serverName: string | null, sessionId: string | null): Promise<NativeOpenResult>;
  close(): number;
  id(): number;
  isOpen(): boolean;
  name(): string;
  uuid(): string | null;
  sampleRate(): number;
  bufferSize(): number;
  setBufferSize(frames: number): number;
  isRealtime(): boolean;
  frameTime(): number;
  framesSinceCycleStart(): number;
  lastFrameTime(): number;
  cycleTimes(): { code: number; currentFrames: number; currentUsecs: number; nextUsecs: number; periodUsecs: number };
  framesToTime(frames: number): number;
  timeToFrames(usecs: number): number;
  cpuLoad(): number;
  activate(): number;
  deactivate(): number;
  uuidForClientName(name: string): string | null;
  clientNameByUuid(uuid: string): string | null;
  connect(source: string, destination: string): number;
  disconnect(source: string, destination: string): number;
  getPorts(namePattern: string, typePattern: string, flags: number): string[];
  portRegister(shortName: string, type: string, flags: number): number | null;
  /** Returns NO_SUCH_PORT when the port is gone. */
  portUnregister(port: number): number;
  portInfo(port: NativePortRef): NativePortInfo | null;
  portAliases(port: NativePortRef): string[] | null;
  portSetAlias(port: NativePortRef, alias: string): number;
  portUnsetAlias(port: NativePortRef, alias: string): number;
  portRename(port: NativePortRef, shortName: string): number;
  portRequestMonitor(port: NativePortRef, onoff: boolean): number;
  portMonitoringInput(port: NativePortRef): boolean | null;
  portConnectionCount(port: NativePortRef): number;
  portConnections(port: NativePortRef): string[] | null;
  portAllConnections(port: NativePortRef): string[] | null;
  portIsConnectedTo(port: NativePortRef, other: string): boolean | null;
  portDisconnectAll(port: NativePortRef): number;
  /**
   * Publishes a realtime bridge table; `slots` holds (kind, own port index, byte offset) triples.
   * Returns once JACK's thread no longer uses the previous table: 0, NO_SUCH_PORT, or -1 for a bad
   * layout.
   */
  setBridge(control: Int32Array, data: Uint8Array, layout: NativeBridgeLayout, slots: Int32Array): number;
  clearBridge(): void;
  realtimePriority(): number;
  midiBufferSize(): number;
  /** Which notification kinds JS listens for: bit `1 << RecordKind`. */
  setNotifications(mask: number): void;
  /** Installs the latency callback (before activation only); JACK2 then leaves the ranges to us. */
  installLatencyCallback(): number;
  /** The port with a notification's port id, or null. */
  portById(id: number): { name: string; uuid: string | null } | null;
  /** [min, max], or null when the port is gone. Mode 0 capture, 1 playback. */
  portLatencyRange(port: NativePortRef, mode: number): [number, number] | null;
  portSetLatencyRange(port: NativePortRef, mode: number, min: number, max: number): number;
  recomputeTotalLatencies(): number;
  maxDelayedUsecs(): number;
  resetMaxDelayedUsecs(): void;
  xrunDelayedUsecs(): number;
  setFreewheel(on: boolean): number;
  transportStart(): void;
  transportStop(): void;
  /** Fills `position` (136 bytes of jack_position_t) and returns the transport state. */
  transportQuery(position: Uint8Array): number;
  transportFrame(): number;
  transportLocate(frame: number): number;
  transportReposition(position: Uint8Array): number;
  setSyncTimeout(usecs: number): number;
  setSyncCallback(on: boolean): number;
  setTimebaseCallback(conditional: boolean): number;
  releaseTimebase(): number;
  /** `subject` is a decimal UUID; `type` null for none. */
  setProperty(subject: string, key: string, value: Uint8Array, type: string | null): number;
  removeProperty(subject: string, key: string): number;
  removeProperties(subject: string): number;
  removeAllProperties(): number;
}

export interface NativeProperty {
  key: string;
  value: Uint8Array;
  type: string;
}

export interface NativeBridgeLayout {
  generation: number;
  capacityFrames: number;
  midiCapacity: number;
  buffered: boolean;
  deadlineFraction: number;
  pin: boolean;
  spin: boolean;
}

/** The audio worker's end of the realtime bridge (native/processor_link.h). */
export interface ProcessorLink {
  /** The cycle posted after `lastCycle`, or 0 when `sliceMs` passed first (or stop was asked). */
  wait(lastCycle: number, sliceMs: number): number;
  done(cycle: number): void;
  /** SCHED_FIFO at `priority`, SCHED_OTHER for 0; returns errno or 0. */
  setScheduling(priority: number): number;
  /** Pins the calling thread to `cpu` (-1: any); returns errno or 0. */
  pinTo(cpu: number): number;
  /** Whether wait() wakes shortly before the next cycle is due and spins for it. */
  setSpin(on: boolean): void;
}

/** Record kinds the addon delivers to the dispatcher (native/mailbox.h). */
export const RecordKind = {
  dropped: 0,
  shutdown: 1,
  errorMessage: 2,
  infoMessage: 3,
  freewheel: 4,
  blocksize: 5,
  samplerate: 6,
  clientRegistration: 7,
  portRegistration: 8,
  portConnect: 9,
  portRename: 10,
  graphOrder: 11,
  xrun: 12,
  propertyChange: 13,
  latency: 14,
} as const;

export type Dispatcher = (kind: number, clientId: number, value: number, text: string) => void;

export interface NativeAddon {
  load(): { loaded: boolean; path: string; error: string };
  supports(functionName: string): boolean;
  /** Whether the loaded libjack is PipeWire's. */
  isPipeWire(): boolean;
  version(): [number, number, number, number];
  versionString(): string;
  clientNameSize(): number;
  portNameSize(): number;
  clientPid(name: string): number;
  /** jack_get_time(): JACK's clock in microseconds. */
  getTime(): number;
  setDispatcher(dispatcher: Dispatcher): void;
  forwardMessages(kind: 'error' | 'info', enabled: boolean): void;
  /** mlock() of the bytes' memory; returns errno, 0 on success. */
  mlock(bytes: Uint8Array): number;
  getProperty(subject: string, key: string): { value: Uint8Array; type: string } | null;
  getProperties(subject: string): NativeProperty[];
  getAllProperties(): Array<{ subject: string; properties: NativeProperty[] }>;
  NativeClient: new () => NativeClient;
  ProcessorLink: new (control: Int32Array) => ProcessorLink;
}

/** What the addon returns for a port reference that no longer resolves. */
export const NO_SUCH_PORT = -1000;

const require = createRequire(import.meta.url);
export const addon = require('../../build/Release/jack_client.node') as NativeAddon;
