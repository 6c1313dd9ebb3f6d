import { inspect } from 'node:util';

import { describe as describeValue } from './arguments.js';
import { JackError } from './errors.js';
import { addon } from './native.js';

// Layout of the shared memory: a header of Int32 words, then the data. The write and read indexes
// sit 64 bytes apart so that the writer's and the reader's words are on different cache lines.
const WRITE_INDEX = 0;
const READ_INDEX = 16;
const SIZE = 32;
const HEADER_BYTES = 192;
const MAX_SIZE = 2 ** 30;

type Bytes = ArrayBufferView | ArrayLike<number> | Iterable<number>;

let attaching: SharedArrayBuffer | null = null;

function allocate(size: number): SharedArrayBuffer {
  if (!Number.isInteger(size) || size < 1 || size > MAX_SIZE) {
    throw new RangeError(`size must be an integer from 1 to ${MAX_SIZE}, got ${describeValue(size)}`);
  }
  let capacity = 1;
  while (capacity < size) capacity *= 2;
  const shared = new SharedArrayBuffer(HEADER_BYTES + capacity);
  new Int32Array(shared, 0, HEADER_BYTES / 4)[SIZE] = capacity;
  return shared;
}

function checkCount(size: number): void {
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError(`size must be a non-negative integer, got ${describeValue(size)}`);
  }
}

function toBytes(data: Bytes): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === 'string' || data === null || typeof data !== 'object') {
    throw new TypeError(`data must be bytes (a TypedArray, a Buffer or an array of numbers), got ${describeValue(data)}`);
  }
  return Uint8Array.from(data as Iterable<number>);
}

/**
 * A lock-free single-reader single-writer ring buffer of bytes in a `SharedArrayBuffer`, with the
 * API of JACK's `jack_ringbuffer_t` (and of Python's `jack.RingBuffer`). One thread writes and
 * another reads, for example the main thread and a processor: pass {@link RingBuffer.buffer} to
 * the other thread (with `postMessage`) and wrap it there with {@link RingBuffer.fromShared}.
 *
 * The capacity is `size` rounded up to a power of two, and one byte of it is never used, so
 * {@link RingBuffer.writeSpace} of an empty buffer is `size - 1`.
 */
export class RingBuffer {
  readonly #shared: SharedArrayBuffer;
  readonly #header: Int32Array;
  readonly #data: Uint8Array;

  /** Creates a ring buffer of at least `size` bytes (rounded up to the next power of two). */
  constructor(size: number) {
    const shared = attaching ?? allocate(size);
    this.#shared = shared;
    this.#header = new Int32Array(shared, 0, HEADER_BYTES / 4);
    this.#data = new Uint8Array(shared, HEADER_BYTES, shared.byteLength - HEADER_BYTES);
  }

  /** Wraps the memory of a ring buffer made in another thread (its {@link RingBuffer.buffer}). */
  static fromShared(buffer: SharedArrayBuffer): RingBuffer {
    if (!(buffer instanceof SharedArrayBuffer)) {
      throw new TypeError(`buffer must be a SharedArrayBuffer, got ${describeValue(buffer)}`);
    }
    const capacity = buffer.byteLength - HEADER_BYTES;
    const size = capacity > 0 ? new Int32Array(buffer, 0, HEADER_BYTES / 4)[SIZE] ?? 0 : 0;
    if (capacity < 1 || (capacity & (capacity - 1)) !== 0 || size < 1 || size > capacity) {
      throw new RangeError('buffer is not the memory of a RingBuffer');
    }
    attaching = buffer;
    try {
      return new RingBuffer(capacity);
    } finally {
      attaching = null;
    }
  }

  /** The shared memory, to pass to another thread. */
  get buffer(): SharedArrayBuffer {
    return this.#shared;
  }

  /** The number of bytes in total used by the buffer (a power of two). */
  get size(): number {
    return Atomics.load(this.#header, SIZE);
  }

  /** The number of bytes available for writing. */
  get writeSpace(): number {
    const write = Atomics.load(this.#header, WRITE_INDEX);
    const read = Atomics.load(this.#header, READ_INDEX);
    return (read - write - 1) & (this.size - 1);
  }

  /** The number of bytes available for reading. */
  get readSpace(): number {
    const write = Atomics.load(this.#header, WRITE_INDEX);
    const read = Atomics.load(this.#header, READ_INDEX);
    return (write - read) & (this.size - 1);
  }

  /**
   * Writes as much of `data` as fits and returns the number of bytes written, which is less than
   * its length when {@link RingBuffer.writeSpace} was smaller.
   */
  write(data: Bytes): number {
    const bytes = toBytes(data);
    const write = Atomics.load(this.#header, WRITE_INDEX);
    const count = Math.min(bytes.length, this.writeSpace);
    const head = Math.min(count, this.size - write);
    // Allocation-free (a processor may write every cycle): no views, a loop where the data wraps.
    if (head === bytes.length) {
      this.#data.set(bytes, write);
    } else {
      const data = this.#data;
      for (let i = 0; i < head; i++) data[write + i] = bytes[i]!;
      for (let i = head; i < count; i++) data[i - head] = bytes[i]!;
    }
    this.writeAdvance(count);
    return count;
  }

  /**
   * Two views of the free space, to write into without a copy; the second is empty unless the
   * space wraps around the end. Call {@link RingBuffer.writeAdvance} after writing. The views are
   * stale once the write index moves.
   */
  get writeBuffers(): [Uint8Array, Uint8Array] {
    const write = Atomics.load(this.#header, WRITE_INDEX);
    return this.#split(write, this.writeSpace);
  }

  /** Makes `size` written bytes available to the reader. */
  writeAdvance(size: number): void {
    this.#advance(WRITE_INDEX, size, this.writeSpace, 'writeSpace');
  }

  /** Reads and removes up to `size` bytes; fewer (or none) when less is available. */
  read(size: number): Uint8Array {
    const result = this.peek(size);
    this.readAdvance(result.length);
    return result;
  }

  /** Copies up to `size` bytes without removing them. */
  peek(size: number): Uint8Array {
    checkCount(size);
    const [first, second] = this.readBuffers;
    const count = Math.min(size, first.length + second.length);
    const result = new Uint8Array(count);
    const head = Math.min(count, first.length);
    result.set(first.subarray(0, head));
    result.set(second.subarray(0, count - head), head);
    return result;
  }

  /**
   * Two views of the readable bytes, to read without a copy; the second is empty unless the data
   * wraps around the end. Call {@link RingBuffer.readAdvance} after reading.
   */
  get readBuffers(): [Uint8Array, Uint8Array] {
    const read = Atomics.load(this.#header, READ_INDEX);
    return this.#split(read, this.readSpace);
  }

  /** Frees `size` read bytes for the writer. */
  readAdvance(size: number): void {
    this.#advance(READ_INDEX, size, this.readSpace, 'readSpace');
  }

  /** Locks the buffer's memory into RAM (`mlock`), so that it is never paged out. Not realtime-safe. */
  mlock(): void {
    const error = addon.mlock(new Uint8Array(this.#shared));
    if (error !== 0) {
      throw new JackError(`cannot lock ${this.#shared.byteLength} bytes of ring buffer memory (errno ${error}; see ulimit -l)`);
    }
  }

  /**
   * Empties the buffer. With `size` (a power of two no larger than the allocated size) the buffer
   * also shrinks or grows back to it. Not thread-safe: neither side may use the buffer meanwhile.
   */
  reset(size?: number): void {
    const allocated = this.#data.length;
    if (size !== undefined) {
      if (!Number.isInteger(size) || size < 1 || size > allocated || (size & (size - 1)) !== 0) {
        throw new RangeError(`size must be a power of two from 1 to ${allocated}, got ${describeValue(size)}`);
      }
    }
    Atomics.store(this.#header, READ_INDEX, 0);
    Atomics.store(this.#header, WRITE_INDEX, 0);
    Atomics.store(this.#header, SIZE, size ?? allocated);
  }

  [inspect.custom](): string {
    return `RingBuffer(size ${this.size}, readSpace ${this.readSpace}, writeSpace ${this.writeSpace})`;
  }

  #split(start: number, length: number): [Uint8Array, Uint8Array] {
    const head = Math.min(length, this.size - start);
    return [this.#data.subarray(start, start + head), this.#data.subarray(0, length - head)];
  }

  /** Moves the index at `word` on by `size` bytes, at most `space` (named `spaceName` in errors). */
  #advance(word: number, size: number, space: number, spaceName: string): void {
    checkCount(size);
    if (size > space) throw new RangeError(`size ${size} is more than ${spaceName} ${space}`);
    const index = Atomics.load(this.#header, word);
    Atomics.store(this.#header, word, (index + size) & (this.size - 1));
  }
}
