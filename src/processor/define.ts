import type { TransferListItem } from 'node:worker_threads';

import type { Params } from './params.js';
import type { ProcessorPorts } from './port-views.js';

/** The client as the processor sees it; values are those of the current cycle. */
export interface ProcessorClient {
  readonly name: string;
  readonly samplerate: number;
  /** The block size: frames of the current (or last) cycle. */
  readonly blocksize: number;
  /** The frame time at the start of the current cycle (`jack_last_frame_time`). */
  readonly lastFrameTime: number;
  /** Whether the server is freewheeling (running as fast as it can, no deadline). */
  readonly freewheeling: boolean;
}

/** What a processor's setup function receives. */
export interface ProcessorContext<P extends Params = Params> {
  client: ProcessorClient;
  ports: ProcessorPorts;
  /** Numbers shared with the main thread (`options.params`); read them each cycle. */
  params: P;
  /** The `options.processorOptions` given to `setProcessCallback`, copied into the worker. */
  options: unknown;
  /** Sends a value to the main thread (`processor.on('message')`). Allocates: not for every cycle. */
  postMessage(value: unknown, transfer?: TransferListItem[]): void;
  /** Receives the main thread's `processor.postMessage()` values, between cycles. */
  onMessage(handler: ((value: unknown) => void) | null): void;
}

/** Called once per JACK cycle with the number of frames; must not block. */
export type ProcessFunction = (frames: number) => void;

/** Runs once in the audio worker, creates the processor's state and returns its per-cycle function. */
export type ProcessorSetup<P extends Params = Params> = (context: ProcessorContext<P>) => ProcessFunction | Promise<ProcessFunction>;

const PROCESSOR = Symbol.for('jack-client.processor');

/** A processor module's default export, made by {@link defineProcessor}. */
export interface ProcessorDefinition<P extends Params = Params> {
  readonly [PROCESSOR]: true;
  readonly setup: ProcessorSetup<P>;
}

/**
 * Defines a processor: the default export of a module given to `client.setProcessCallback(url)`.
 *
 * ```ts
 * export default defineProcessor(({ ports }) => {
 *   return (frames) => {
 *     ports.outports[0].getArray().set(ports.inports[0].getArray());
 *   };
 * });
 * ```
 */
export function defineProcessor<P extends Params = Params>(setup: ProcessorSetup<P>): ProcessorDefinition<P> {
  if (typeof setup !== 'function') {
    throw new TypeError(`defineProcessor: setup must be a function, got ${typeof setup}`);
  }
  return Object.freeze({ [PROCESSOR]: true as const, setup });
}

export function isProcessorDefinition(value: unknown): value is ProcessorDefinition {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[PROCESSOR] === true;
}
