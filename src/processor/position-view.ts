// The transport position of a sync or timebase request, read and written in place in the control
// memory (the packed jack_position_t the bridge copied there). One object, reused every time.
import { POSITION_FIELDS, readField, writeField, type TransportPosition } from '../transport-position.js';
import { Control } from './layout.js';

export interface PositionView extends TransportPosition {}

export class PositionView {
  readonly #view: DataView;

  constructor(control: SharedArrayBuffer) {
    this.#view = new DataView(control, Control.position * Int32Array.BYTES_PER_ELEMENT);
  }

  /** @internal */
  static {
    for (const [name, at, kind] of POSITION_FIELDS) {
      Object.defineProperty(PositionView.prototype, name, {
        get(this: PositionView) {
          return readField(this.#view, at, kind);
        },
        set(this: PositionView, value: number) {
          writeField(this.#view, at, kind, value);
        },
        enumerable: true,
        configurable: false,
      });
    }
  }
}
