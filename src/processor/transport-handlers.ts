// The client's sync and timebase functions in the audio worker: compiled from their source text,
// run when the realtime bridge posts a sync or timebase request instead of a cycle.
import type { TransportPosition } from '../transport-position.js';
import { Control, Request, type TransportHandlerSources } from './layout.js';
import type { ProcessorContext } from './define.js';
import { PositionView } from './position-view.js';
import { compileShortForm } from './short-form.js';

/** A slow-sync function: true when the client is ready to roll from `position`. */
export type SyncFunction = (state: number, position: TransportPosition, context: ProcessorContext) => boolean;
/** A timebase function: fills the extended fields (BBT, timecode, ...) of `position` for the next cycle. */
export type TimebaseFunction = (
  state: number,
  blocksize: number,
  position: TransportPosition,
  newPosition: boolean,
  context: ProcessorContext,
) => void;

export class TransportHandlers {
  readonly #control: Int32Array;
  readonly #position: PositionView;
  readonly #context: ProcessorContext;
  #sync: SyncFunction | null = null;
  #timebase: TimebaseFunction | null = null;

  constructor(control: SharedArrayBuffer, context: ProcessorContext) {
    this.#control = new Int32Array(control);
    this.#position = new PositionView(control);
    this.#context = context;
  }

  install(sources: TransportHandlerSources): void {
    this.#sync = sources.sync === null ? null : (compileShortForm(sources.sync) as SyncFunction);
    this.#timebase = sources.timebase === null ? null : (compileShortForm(sources.timebase) as TimebaseFunction);
  }

  remove(handler: 'sync' | 'timebase'): void {
    if (handler === 'sync') this.#sync = null;
    else this.#timebase = null;
  }

  /** Runs the handler of `request`; returns which one threw, with the error, or null. */
  run(request: number, frames: number): { handler: 'sync' | 'timebase'; error: unknown } | null {
    const control = this.#control;
    const state = Atomics.load(control, Control.transportState);
    if (request === Request.sync) {
      // A slow-sync client without a function is ready at once, as in JACK.
      if (this.#sync === null) {
        Atomics.store(control, Control.syncReady, 1);
        return null;
      }
      try {
        Atomics.store(control, Control.syncReady, this.#sync(state, this.#position, this.#context) ? 1 : 0);
      } catch (error) {
        return { handler: 'sync', error };
      }
      return null;
    }
    if (request === Request.timebase && this.#timebase !== null) {
      try {
        const newPosition = Atomics.load(control, Control.newPosition) !== 0;
        this.#timebase(state, frames, this.#position, newPosition, this.#context);
      } catch (error) {
        return { handler: 'timebase', error };
      }
    }
    return null;
  }
}
