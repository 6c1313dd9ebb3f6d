import type { PortDescription } from './layout.js';

/**
 * One of the client's audio ports as the processor sees it. Its arrays are views on memory the
 * realtime bridge copies to or from JACK each cycle; they are valid during the current cycle and
 * rebuilt only when the block size changes.
 */
export class AudioPortView {
  /** Full port name, `client:port`. */
  readonly name: string;
  /** Port name without the client prefix. */
  readonly shortname: string;
  readonly #data: SharedArrayBuffer;
  readonly #offset: number;
  #array: Float32Array;
  #buffer: Uint8Array;

  /** @internal */
  constructor(description: PortDescription, data: SharedArrayBuffer, frames: number) {
    this.name = description.name;
    this.shortname = description.shortname;
    this.#data = data;
    this.#offset = description.offset;
    this.#array = new Float32Array(data, this.#offset, frames);
    this.#buffer = new Uint8Array(data, this.#offset, frames * Float32Array.BYTES_PER_ELEMENT);
  }

  /** The samples of this cycle: `frames` 32-bit floats. Input ports: read; output ports: write. */
  getArray(): Float32Array {
    return this.#array;
  }

  /** The same memory as {@link AudioPortView.getArray}, as bytes. */
  getBuffer(): Uint8Array {
    return this.#buffer;
  }

  /** @internal Called by the runtime when the number of frames per cycle changes. */
  resize(frames: number): void {
    this.#array = new Float32Array(this.#data, this.#offset, frames);
    this.#buffer = new Uint8Array(this.#data, this.#offset, frames * Float32Array.BYTES_PER_ELEMENT);
  }

  toString(): string {
    return `AudioPortView(${JSON.stringify(this.name)})`;
  }
}
