import { receiveMessageOnPort, type MessagePort, type TransferListItem } from 'node:worker_threads';

import { CallbackExit } from '../errors.js';
import type { ProcessorLink } from '../native.js';
import type { ProcessFunction, ProcessorClient, ProcessorContext } from './define.js';
import { Control, ProcessorState, Request, type FromWorker, type ToWorker, type WorkerInit } from './layout.js';
import { paramsView } from './params.js';
import { PortViews } from './port-views.js';
import { TransportHandlers } from './transport-handlers.js';

/** How long the worker's wait blocks before JS runs again (to see stop, terminate and messages). */
const WAIT_SLICE_MS = 25;

/**
 * The audio worker's loop: wait for a cycle, run the processor, report the cycle done. It allocates
 * nothing per cycle; new views are made only when the layout or the block size changes.
 */
export class ProcessorRuntime {
  readonly #control: Int32Array;
  readonly #link: ProcessorLink;
  readonly #port: MessagePort;
  readonly #init: WorkerInit;
  readonly #views: PortViews;
  readonly #transport: TransportHandlers;
  readonly context: ProcessorContext;
  #messageHandler: ((value: unknown) => void) | null = null;
  #freewheeling = false;
  #pinnedCpu = -1;

  constructor(init: WorkerInit, port: MessagePort, link: ProcessorLink) {
    this.#init = init;
    this.#port = port;
    this.#link = link;
    this.#control = new Int32Array(init.control);
    this.#views = new PortViews(init.client.blocksize);
    this.#views.adopt(init.layout);
    this.context = {
      client: this.#clientView(),
      ports: this.#views,
      params: paramsView(init.params.names, init.params.memory),
      options: init.options,
      postMessage: (value, transfer) => this.#send({ type: 'message', value }, transfer),
      onMessage: (handler) => {
        if (handler !== null && typeof handler !== 'function') {
          throw new TypeError(`onMessage: handler must be a function or null, got ${typeof handler}`);
        }
        this.#messageHandler = handler;
      },
    };
    this.#transport = new TransportHandlers(init.control, this.context);
    this.#transport.install(init.transport);
    if (init.priority > 0) link.setScheduling(init.priority);
    link.setSpin(init.spin);
  }

  /** Runs until stopped, or until the processor throws (then reports it and returns). */
  run(process: ProcessFunction, explain: (error: unknown) => unknown = (error) => error): void {
    const control = this.#control;
    const link = this.#link;
    const views = this.#views;
    Atomics.store(control, Control.state, ProcessorState.running);
    this.#send({ type: 'ready' });
    let cycle = 0;
    for (;;) {
      const posted = link.wait(cycle, WAIT_SLICE_MS);
      if (Atomics.load(control, Control.pendingMessages) !== 0) this.#receive();
      if (Atomics.load(control, Control.stop) !== 0) return;
      if (posted === 0) continue;
      cycle = posted;
      if (Atomics.load(control, Control.generation) !== views.generation) {
        this.#receive();
        // A cycle of an older layout posted just before the new one was published: skip it.
        if (Atomics.load(control, Control.generation) !== views.generation) {
          link.done(posted);
          continue;
        }
      }
      const frames = Atomics.load(control, Control.frames);
      if (frames !== views.frames) views.resize(frames);
      if (Atomics.load(control, Control.freewheel) !== (this.#freewheeling ? 1 : 0)) this.#followFreewheel();
      if (this.#init.pin && Atomics.load(control, Control.jackCpu) !== this.#pinnedCpu) this.#pin();
      const request = Atomics.load(control, Control.request);
      if (request !== Request.process) {
        const failure = this.#transport.run(request, frames);
        link.done(posted);
        if (failure !== null) this.#handlerFailed(failure.handler, failure.error);
        continue;
      }
      views.beginCycle();
      try {
        process(frames);
      } catch (error) {
        link.done(posted);
        this.#stop(explain(error));
        return;
      }
      link.done(posted);
    }
  }

  /** Reports a failure outside the loop (loading or setting up the processor). */
  fail(error: unknown): void {
    this.#stop(error);
  }

  // A throwing sync or timebase function is removed; the processor goes on. CallbackExit quietly.
  #handlerFailed(handler: 'sync' | 'timebase', error: unknown): void {
    this.#transport.remove(handler);
    const exited = error instanceof CallbackExit || (error instanceof Error && error.name === 'CallbackExit');
    if (!exited) this.#send({ type: 'handlerError', handler, error: describeError(error) });
  }

  #stop(error: unknown): void {
    const exited = error instanceof CallbackExit || (error instanceof Error && error.name === 'CallbackExit');
    Atomics.store(this.#control, Control.state, exited ? ProcessorState.stopped : ProcessorState.failed);
    this.#send(exited ? { type: 'exit' } : { type: 'error', error: describeError(error) });
  }

  #receive(): void {
    for (;;) {
      const received = receiveMessageOnPort(this.#port);
      if (received === undefined) return;
      Atomics.sub(this.#control, Control.pendingMessages, 1);
      const message = received.message as ToWorker;
      if (message.type === 'layout') {
        // Adopted at once, between cycles, so that messages that follow see the new ports.
        if (message.layout.generation > this.#views.generation) this.#views.adopt(message.layout);
      } else if (message.type === 'transport') {
        this.#transport.install(message.handlers);
      } else {
        this.#messageHandler?.(message.value);
      }
    }
  }

  #followFreewheel(): void {
    this.#freewheeling = !this.#freewheeling;
    // JACK demotes its own thread in freewheel; the worker follows.
    if (this.#init.priority > 0) this.#link.setScheduling(this.#freewheeling ? 0 : this.#init.priority);
  }

  #pin(): void {
    const cpu = Atomics.load(this.#control, Control.jackCpu);
    if (this.#link.pinTo(cpu) === 0) this.#pinnedCpu = cpu;
  }

  #send(message: FromWorker, transfer?: TransferListItem[]): void {
    this.#port.postMessage(message, transfer);
  }

  #clientView(): ProcessorClient {
    const control = this.#control;
    const views = () => this.#views;
    const name = this.#init.client.name;
    const samplerate = this.#init.client.samplerate;
    return {
      name,
      samplerate,
      get blocksize() {
        return views().frames;
      },
      get lastFrameTime() {
        return Atomics.load(control, Control.lastFrameTime) >>> 0;
      },
      get freewheeling() {
        return Atomics.load(control, Control.freewheel) !== 0;
      },
    };
  }
}

/** An error as plain data: Error subclasses do not survive postMessage with their names. */
export function describeError(error: unknown): { name: string; message: string; stack: string } {
  if (error instanceof Error) {
    return { name: error.name, message: error.message, stack: error.stack ?? `${error.name}: ${error.message}` };
  }
  const text = `a non-Error value was thrown: ${String(error)}`;
  return { name: 'Error', message: text, stack: text };
}
