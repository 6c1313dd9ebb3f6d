import { EventEmitter } from 'node:events';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort, type TransferListItem } from 'node:worker_threads';

import { JackError } from './errors.js';
import type { NativeClient } from './native.js';
import { NO_SUCH_PORT } from './native.js';
import type { OwnPort } from './port.js';
import {
  Control,
  DEFAULT_CAPACITY_FRAMES,
  Midi,
  PORT_LISTS,
  ProcessorState,
  placePorts,
  type DataLayout,
  type FromWorker,
  type PortListName,
  type ToWorker,
  type TransportHandlerSources,
  type WorkerInit,
} from './processor/layout.js';
import { paramsView, type Params } from './processor/params.js';

/** Options of {@link Client.setProcessCallback}. */
export interface ProcessCallbackOptions {
  /** Named numbers shared with the processor, with their initial values: `{ gain: 0.5 }`. */
  params?: Record<string, number>;
  /** Any structured-cloneable value, given to the processor's setup as `context.options`. */
  processorOptions?: unknown;
  /**
   * How long JACK's thread waits for the processor, as a fraction of the period (0 < d <= 1).
   * A cycle not done by then is played as silence and counted late. Ignored in freewheel.
   */
  deadline?: number;
  /** Pin the audio worker and JACK's process thread of this client to the same CPU. */
  pin?: boolean;
  /**
   * Spin instead of sleeping around the moment a cycle is handed over: the worker wakes shortly
   * before the next cycle is due, and JACK's thread spins briefly for the answer. Cuts the time
   * per cycle at the price of some CPU (docs/benchmarks.md). Default: on when the process may
   * run on more than one CPU and `pin` is off.
   */
  spin?: boolean;
  /**
   * Render one period ahead: the processor gets a whole period, the output comes one period later.
   * For processors too heavy for the same-cycle deadline.
   */
  buffered?: boolean;
}

/** What the realtime bridge counted since the processor was set. */
export interface ProcessorCounters {
  /** JACK cycles seen while this processor was set. */
  cycles: number;
  /** Cycles whose output was silence because the processor had not finished in time. */
  late: number;
  /** Cycles not handed to the processor because it was still busy with an earlier one. */
  skipped: number;
  /** Cycles longer than the data memory holds (block size above 8192): played as silence. */
  oversized: number;
  /** Longest time the processor's per-cycle function took, in microseconds. */
  longestCallbackMicros: number;
  /** Time the processor's per-cycle function took in the last cycle, in microseconds. */
  lastCallbackMicros: number;
  /** Longest time from handing a cycle to the worker to getting it back (same-cycle mode), in microseconds. */
  longestResponseMicros: number;
  /** MIDI events JACK refused from the processor's output ports. */
  midiEventsLost: number;
}

/** The state of a processor: starting (loading), running, stopped (CallbackExit or stop()) or failed. */
export type ProcessorStatus = 'starting' | 'running' | 'stopped' | 'failed';

export interface ProcessorEvents {
  /** A value the processor sent with `context.postMessage()`. */
  message: [value: unknown];
  /** The processor stopped: quietly (CallbackExit, stop()) or after an error. */
  exit: [];
}

/**
 * The default deadline, as a fraction of the period. In docs/benchmarks.md a light processor was
 * never late even at 0.25; half the period leaves room for the JIT's and the GC's hiccups and
 * still leaves the other half to the clients after this one.
 */
export const DEFAULT_DEADLINE = 0.5;

/** @internal What a Processor needs of its client. */
export interface ProcessorOwner {
  native(): NativeClient;
  clientName: string;
  ports(list: PortListName): readonly OwnPort[];
  reportError(error: Error): void;
}

const STATUS_NAMES: ProcessorStatus[] = ['starting', 'running', 'stopped', 'failed'];
const SLOT_KINDS: Record<PortListName, number> = { inports: 0, outports: 1, midiInports: 2, midiOutports: 3 };

/**
 * The main thread's handle on a client's processor (returned by {@link Client.setProcessCallback}):
 * its state and counters, its shared parameters, and messages both ways.
 */
export class Processor extends EventEmitter<ProcessorEvents> {
  /** Parameters shared with the processor: read and write them like properties. */
  readonly params: Params;
  /** Resolves when the processor is loaded and set up; rejects if that fails. */
  readonly ready: Promise<void>;
  readonly #owner: ProcessorOwner;
  readonly #control: Int32Array;
  readonly #port: MessagePort;
  readonly #worker: Worker;
  readonly #options: Required<Pick<ProcessCallbackOptions, 'deadline' | 'pin' | 'spin' | 'buffered'>>;
  readonly #midiCapacity: number;
  readonly #exited: Promise<void>;
  #generation = 0;

  /** @internal */
  constructor(owner: ProcessorOwner, source: WorkerInit['processor'], options: CheckedOptions,
    transport: TransportHandlerSources) {
    super();
    this.#owner = owner;
    this.#options = { deadline: options.deadline, pin: options.pin, spin: options.spin, buffered: options.buffered };
    const native = owner.native();
    this.#midiCapacity = alignedMidiCapacity(native.midiBufferSize());
    const controlMemory = new SharedArrayBuffer(Control.words * Int32Array.BYTES_PER_ELEMENT);
    this.#control = new Int32Array(controlMemory);
    this.#control[Control.sampleRate] = native.sampleRate();
    const names = Object.keys(options.params);
    const paramsMemory = new SharedArrayBuffer(Math.max(names.length, 1) * Float64Array.BYTES_PER_ELEMENT);
    this.params = paramsView(names, paramsMemory);
    for (const name of names) (this.params as Record<string, number>)[name] = options.params[name]!;
    const layout = this.#makeLayout();
    this.#publish(layout);

    const channel = new MessageChannel();
    this.#port = channel.port1;
    const init: WorkerInit = {
      processor: source,
      control: controlMemory,
      params: { names, memory: paramsMemory },
      layout,
      client: { name: owner.clientName, samplerate: native.sampleRate(), blocksize: native.bufferSize() },
      priority: native.isRealtime() ? native.realtimePriority() : 0,
      pin: options.pin,
      spin: options.spin,
      options: options.processorOptions,
      transport,
    };
    this.#worker = new Worker(new URL('./processor/worker-main.js', import.meta.url), {
      workerData: { init, port: channel.port2 },
      transferList: [channel.port2],
      name: `jack-client audio worker (${owner.clientName})`,
    });

    let settle: { resolve: () => void; reject: (error: Error) => void };
    this.ready = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    this.ready.catch(() => {});
    this.#port.on('message', (message: FromWorker) => this.#onMessage(message, settle));
    // Like JACK's own threads, a running audio worker does not keep the program alive; until it is
    // ready it does, so that `await processor.ready` can finish.
    const letGo = () => {
      this.#worker.unref();
      this.#port.unref();
    };
    this.ready.then(letGo, letGo);
    this.#worker.on('error', (error) => {
      this.#markEnded(ProcessorState.failed);
      settle.reject(error);
      this.#owner.reportError(error);
    });
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', () => {
        // The worker's last messages (its error, say) may still be queued: the exit event travels
        // on another channel. Take them before closing the port, which would drop them.
        for (let left = receiveMessageOnPort(this.#port); left !== undefined; left = receiveMessageOnPort(this.#port)) {
          this.#onMessage(left.message as FromWorker, settle);
        }
        this.#markEnded(ProcessorState.failed);
        settle.reject(new JackError('the audio worker exited before the processor was ready'));
        this.#port.close();
        resolve();
      });
    });
  }

  /** Where the processor is in its life. */
  get state(): ProcessorStatus {
    return STATUS_NAMES[Atomics.load(this.#control, Control.state)] ?? 'failed';
  }

  /** A snapshot of the realtime bridge's counters. */
  get counters(): ProcessorCounters {
    const word = (index: number) => Atomics.load(this.#control, index);
    return {
      cycles: word(Control.cycles) >>> 0,
      late: word(Control.late) >>> 0,
      skipped: word(Control.skipped) >>> 0,
      oversized: word(Control.oversized) >>> 0,
      longestCallbackMicros: word(Control.longestCallbackNs) / 1000,
      lastCallbackMicros: word(Control.lastCallbackNs) / 1000,
      longestResponseMicros: word(Control.longestResponseNs) / 1000,
      midiEventsLost: word(Control.midiOutLost) >>> 0,
    };
  }

  /** Sets the counters back to zero (e.g. after a warm-up). */
  resetCounters(): void {
    for (const index of [Control.cycles, Control.late, Control.skipped, Control.oversized, Control.longestCallbackNs,
      Control.lastCallbackNs, Control.longestResponseNs, Control.midiOutLost]) {
      Atomics.store(this.#control, index, 0);
    }
  }

  /** Sends a structured-cloneable value to the processor's `onMessage` handler (between cycles). */
  postMessage(value: unknown, transfer?: TransferListItem[]): void {
    this.#toWorker({ type: 'message', value }, transfer);
  }

  /** Stops the processor; the client's outputs play silence. Resolves when the worker has ended. */
  async stop(): Promise<void> {
    this.#markEnded(ProcessorState.stopped);
    await this.#exited;
  }

  /** @internal The client's ports changed: publish a new layout. `leaving` is about to be unregistered. */
  relayout(leaving?: OwnPort): void {
    if (this.#ended()) return;
    const layout = this.#makeLayout(leaving);
    this.#toWorker({ type: 'layout', layout });
    this.#publish(layout);
  }

  /** @internal The client's sync and timebase functions changed. */
  setTransportHandlers(handlers: TransportHandlerSources): void {
    if (!this.#ended()) this.#toWorker({ type: 'transport', handlers });
  }

  /** @internal Whether the processor renders a period ahead. */
  get buffered(): boolean {
    return this.#options.buffered;
  }

  /** @internal Whether it ended (stopped, failed or detached). */
  get ended(): boolean {
    return this.#ended();
  }

  /** @internal The client is closing: stop without waiting. */
  detach(): void {
    this.#markEnded(ProcessorState.stopped);
  }

  #ended(): boolean {
    return Atomics.load(this.#control, Control.stop) !== 0;
  }

  #markEnded(state: number): void {
    const current = Atomics.load(this.#control, Control.state);
    if (current === ProcessorState.starting || current === ProcessorState.running) {
      Atomics.store(this.#control, Control.state, state);
    }
    Atomics.store(this.#control, Control.stop, 1);
  }

  #onMessage(message: FromWorker, settle: { resolve: () => void; reject: (error: Error) => void }): void {
    switch (message.type) {
      case 'ready':
        settle.resolve();
        return;
      case 'message':
        this.emit('message', message.value);
        return;
      case 'exit':
        settle.resolve();
        this.#markEnded(ProcessorState.stopped);
        this.emit('exit');
        return;
      case 'handlerError':
        this.#owner.reportError(rebuildError(message.error, this.#owner.clientName, `${message.handler} callback`));
        return;
      case 'error': {
        const error = rebuildError(message.error, this.#owner.clientName, 'processor');
        settle.reject(error);
        this.#markEnded(ProcessorState.failed);
        this.emit('exit');
        this.#owner.reportError(error);
        return;
      }
    }
  }

  #toWorker(message: ToWorker, transfer?: TransferListItem[]): void {
    this.#port.postMessage(message, transfer);
    Atomics.add(this.#control, Control.pendingMessages, 1);
  }

  #makeLayout(leaving?: OwnPort): DataLayout {
    const capacityFrames = Math.max(DEFAULT_CAPACITY_FRAMES, this.#owner.native().bufferSize());
    const names = {} as Record<PortListName, Array<{ name: string; shortname: string }>>;
    for (const list of PORT_LISTS) {
      names[list] = this.#owner.ports(list).filter((port) => port !== leaving)
        .map((port) => ({ name: port.name, shortname: port.shortname }));
    }
    const placed = placePorts(names, capacityFrames, this.#midiCapacity);
    return {
      generation: ++this.#generation,
      data: new SharedArrayBuffer(placed.bytes),
      capacityFrames,
      midiCapacity: this.#midiCapacity,
      ports: placed.ports,
    };
  }

  #publish(layout: DataLayout): void {
    const slots: number[] = [];
    for (const list of PORT_LISTS) {
      const ports = this.#owner.ports(list);
      for (const description of layout.ports[list]) {
        const port = ports.find((candidate) => candidate.name === description.name);
        if (port === undefined) throw new JackError(`internal error: port ${description.name} left the layout`);
        slots.push(SLOT_KINDS[list], port.nativeHandle(), description.offset);
      }
    }
    const code = this.#owner.native().setBridge(this.#control, new Uint8Array(layout.data), {
      generation: layout.generation,
      capacityFrames: layout.capacityFrames,
      midiCapacity: layout.midiCapacity,
      buffered: this.#options.buffered,
      deadlineFraction: this.#options.deadline,
      pin: this.#options.pin,
      spin: this.#options.spin,
    }, Int32Array.from(slots));
    if (code === NO_SUCH_PORT) throw new JackError('internal error: a port of the processor layout is gone');
    if (code !== 0) throw new JackError('internal error: the realtime bridge refused the data layout');
  }
}

/** @internal */
export interface CheckedOptions {
  params: Record<string, number>;
  processorOptions: unknown;
  deadline: number;
  pin: boolean;
  spin: boolean;
  buffered: boolean;
}

function alignedMidiCapacity(jackBufferBytes: number): number {
  const bytes = Math.max(jackBufferBytes, 32768) + Midi.headerBytes;
  return (bytes + 3) & ~3;
}

function rebuildError(described: unknown, clientName: string, what: string): Error {
  const { name, message, stack } = described as { name: string; message: string; stack: string };
  const error = new Error(`the ${what} of client ${JSON.stringify(clientName)} threw: ${message}`);
  error.name = name;
  error.stack = `${error.name}: ${error.message}\n    in the audio worker:\n${stack}`;
  return error;
}
