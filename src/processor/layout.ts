// What the main thread, the audio worker and native/bridge_layout.h agree on: the control words,
// the MIDI region format and where each port's data lives in the shared data memory.

/** Indexes of the Int32 control words (native/bridge_layout.h has the same numbers). */
export const Control = {
  posted: 0,
  done: 16,
  workerSleeping: 32,
  jackWaiting: 33,
  frames: 34,
  generation: 35,
  state: 36,
  stop: 37,
  freewheel: 38,
  lastFrameTime: 39,
  cycles: 40,
  late: 41,
  skipped: 42,
  longestCallbackNs: 43,
  lastCallbackNs: 44,
  longestResponseNs: 45,
  jackCpu: 46,
  pendingMessages: 47,
  midiOutLost: 48,
  oversized: 49,
  sampleRate: 50,
  postedAtLow: 51,
  postedAtHigh: 52,
  request: 53,
  transportState: 54,
  newPosition: 55,
  syncReady: 56,
  /** A jack_position_t (136 bytes) starts at this word. */
  position: 64,
  words: 104,
} as const;

/** What a posted cycle asks the worker to run. */
export const Request = { process: 0, sync: 1, timebase: 2 } as const;

/** Self-contained sync and timebase functions, as source text (null: none). */
export interface TransportHandlerSources {
  sync: string | null;
  timebase: string | null;
}

export const ProcessorState = { starting: 0, running: 1, stopped: 2, failed: 3 } as const;

/** A MIDI region: Int32 count, used bytes, lost; then {uint32 time, uint32 size, bytes} padded to 4. */
export const Midi = {
  count: 0,
  usedBytes: 1,
  lost: 2,
  headerBytes: 16,
  eventHeaderBytes: 8,
} as const;

export function paddedSize(size: number): number {
  return (size + 3) & ~3;
}

/** The largest block size JACK2 and PipeWire run at by default; data regions hold at least this. */
export const DEFAULT_CAPACITY_FRAMES = 8192;

export type PortListName = 'inports' | 'outports' | 'midiInports' | 'midiOutports';
export const PORT_LISTS: readonly PortListName[] = ['inports', 'outports', 'midiInports', 'midiOutports'];

export interface PortDescription {
  name: string;
  shortname: string;
  /** Byte offset of the port's region in the data memory. */
  offset: number;
}

/** One layout of the data memory; a new one is made whenever ports or the block size change. */
export interface DataLayout {
  generation: number;
  data: SharedArrayBuffer;
  capacityFrames: number;
  midiCapacity: number;
  ports: Record<PortListName, PortDescription[]>;
}

export interface ProcessorModuleSource {
  kind: 'module';
  url: string;
}

export interface ProcessorFunctionSource {
  kind: 'function';
  source: string;
}

/** What the audio worker starts with (its `workerData`). */
export interface WorkerInit {
  processor: ProcessorModuleSource | ProcessorFunctionSource;
  control: SharedArrayBuffer;
  params: { names: string[]; memory: SharedArrayBuffer };
  layout: DataLayout;
  client: { name: string; samplerate: number; blocksize: number };
  /** SCHED_FIFO priority, 0 when the server does not run realtime. */
  priority: number;
  pin: boolean;
  spin: boolean;
  options: unknown;
  transport: TransportHandlerSources;
}

/** Messages from the main thread to the worker, read synchronously between cycles. */
export type ToWorker =
  | { type: 'layout'; layout: DataLayout }
  | { type: 'message'; value: unknown }
  | { type: 'transport'; handlers: TransportHandlerSources };

/** Messages from the worker to the main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'message'; value: unknown }
  | { type: 'exit' }
  | { type: 'error'; error: unknown }
  | { type: 'handlerError'; handler: 'sync' | 'timebase'; error: unknown };

/** Where each port's region goes in a data memory of the returned size. */
export function placePorts(
  names: Record<PortListName, Array<{ name: string; shortname: string }>>,
  capacityFrames: number,
  midiCapacity: number,
): { bytes: number; ports: Record<PortListName, PortDescription[]> } {
  let bytes = 0;
  const place = (list: PortListName, regionBytes: number): PortDescription[] =>
    names[list].map(({ name, shortname }) => {
      const offset = bytes;
      bytes += regionBytes;
      return { name, shortname, offset };
    });
  const audioBytes = capacityFrames * Float32Array.BYTES_PER_ELEMENT;
  const ports = {
    inports: place('inports', audioBytes),
    outports: place('outports', audioBytes),
    midiInports: place('midiInports', midiCapacity),
    midiOutports: place('midiOutports', midiCapacity),
  };
  return { bytes: Math.max(bytes, 4), ports };
}
