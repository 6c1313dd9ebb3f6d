import { JackError } from '../errors.js';
import { Midi, paddedSize, type PortDescription } from './layout.js';

const EMPTY = new Uint8Array(0);

/**
 * Byte views on the events of a MIDI region, reused from cycle to cycle while an event keeps its
 * place and size, so that steady MIDI traffic allocates nothing.
 */
class EventViews {
  readonly #data: SharedArrayBuffer;
  readonly #views: Uint8Array[] = [];

  constructor(data: SharedArrayBuffer) {
    this.#data = data;
  }

  get(index: number, byteOffset: number, size: number): Uint8Array {
    const cached = this.#views[index];
    if (cached !== undefined && cached.byteOffset === byteOffset && cached.length === size) return cached;
    const view = new Uint8Array(this.#data, byteOffset, size);
    this.#views[index] = view;
    return view;
  }
}

/** A MIDI region shared with the realtime bridge (layout in ./layout.ts). */
class MidiRegion {
  readonly header: Int32Array;
  readonly words: DataView;
  readonly views: EventViews;
  readonly eventsOffset: number;
  readonly capacity: number;

  constructor(data: SharedArrayBuffer, offset: number, regionBytes: number) {
    this.header = new Int32Array(data, offset, Midi.headerBytes / 4);
    this.words = new DataView(data, offset + Midi.headerBytes, regionBytes - Midi.headerBytes);
    this.views = new EventViews(data);
    this.eventsOffset = offset + Midi.headerBytes;
    this.capacity = regionBytes - Midi.headerBytes;
  }
}

/** One incoming event: `[time, data]`, as Python's `incoming_midi_events()` yields. */
export type MidiEvent = [time: number, data: Uint8Array];

/**
 * Iterates one reused `[time, data]` pair. Destructuring an array (`const [time, data] = event`)
 * makes a new array iterator each time; this pair brings its own reused one, so it allocates nothing.
 */
class PairIterator implements Iterator<number | Uint8Array> {
  readonly #pair: MidiEvent;
  readonly #result = { done: false, value: 0 as number | Uint8Array };
  #index = 0;

  constructor(pair: MidiEvent) {
    this.#pair = pair;
  }

  restart(): this {
    this.#index = 0;
    return this;
  }

  next(): IteratorResult<number | Uint8Array> {
    const result = this.#result;
    if (this.#index < 2) {
      result.done = false;
      result.value = this.#pair[this.#index++]!;
    } else {
      result.done = true;
      result.value = 0;
    }
    return result;
  }
}

function reusablePair(): MidiEvent {
  const pair: MidiEvent = [0, EMPTY];
  const iterator = new PairIterator(pair);
  Object.defineProperty(pair, Symbol.iterator, { value: () => iterator.restart() });
  return pair;
}

class IncomingEvents implements IterableIterator<MidiEvent> {
  readonly #region: MidiRegion;
  readonly #event: MidiEvent = reusablePair();
  readonly #result: IteratorResult<MidiEvent> = { done: false, value: this.#event };
  #index = 0;
  #at = 0;

  constructor(region: MidiRegion) {
    this.#region = region;
  }

  restart(): this {
    this.#index = 0;
    this.#at = 0;
    return this;
  }

  next(): IteratorResult<MidiEvent> {
    const region = this.#region;
    const result = this.#result as { done: boolean; value: MidiEvent };
    if (this.#index >= region.header[Midi.count]!) {
      result.done = true;
      return result;
    }
    const time = region.words.getUint32(this.#at, true);
    const size = region.words.getUint32(this.#at + 4, true);
    this.#event[0] = time;
    this.#event[1] = region.views.get(this.#index, region.eventsOffset + this.#at + Midi.eventHeaderBytes, size);
    this.#at += Midi.eventHeaderBytes + paddedSize(size);
    this.#index += 1;
    result.done = false;
    return result;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** One of the client's MIDI input ports as the processor sees it. */
export class MidiInView {
  readonly name: string;
  readonly shortname: string;
  readonly #region: MidiRegion;
  readonly #events: IncomingEvents;

  /** @internal */
  constructor(description: PortDescription, data: SharedArrayBuffer, regionBytes: number) {
    this.name = description.name;
    this.shortname = description.shortname;
    this.#region = new MidiRegion(data, description.offset, regionBytes);
    this.#events = new IncomingEvents(this.#region);
  }

  /**
   * The events of this cycle, in time order, as `[time, data]`. The pair and the byte views are
   * reused: copy what you keep past the current iteration, and do not nest two loops on one port.
   */
  incomingMidiEvents(): IterableIterator<MidiEvent> {
    return this.#events.restart();
  }

  /** Number of events in this cycle. */
  get eventCount(): number {
    return this.#region.header[Midi.count]!;
  }

  /** Events lost in this cycle: the sender's buffer was full, or they did not fit ours. */
  get lostMidiEvents(): number {
    return this.#region.header[Midi.lost]!;
  }

  toString(): string {
    return `MidiInView(${JSON.stringify(this.name)})`;
  }
}

/** One of the client's MIDI output ports as the processor sees it; emptied at the start of each cycle. */
export class MidiOutView {
  readonly name: string;
  readonly shortname: string;
  readonly #region: MidiRegion;
  #frames: number;
  #lastTime = 0;

  /** @internal */
  constructor(description: PortDescription, data: SharedArrayBuffer, regionBytes: number, frames: number) {
    this.name = description.name;
    this.shortname = description.shortname;
    this.#region = new MidiRegion(data, description.offset, regionBytes);
    this.#frames = frames;
  }

  /** Removes the events written in this cycle (the runtime does this before every cycle). */
  clearBuffer(): void {
    this.#region.header[Midi.count] = 0;
    this.#region.header[Midi.usedBytes] = 0;
    this.#lastTime = 0;
  }

  /**
   * Appends an event at `time` frames into this cycle.
   *
   * @throws RangeError when `time` is outside the cycle or before the previous event, or `data` is empty.
   * @throws JackError when the event does not fit in what is left of the port's buffer.
   */
  writeMidiEvent(time: number, data: ArrayLike<number>): void {
    if (data === null || typeof data !== 'object' || typeof data.length !== 'number') {
      throw new TypeError(`writeMidiEvent: data must be a Uint8Array or an array of bytes, got ${typeof data}`);
    }
    const target = this.#reserve(time, data.length, 'writeMidiEvent');
    if (target === null) {
      throw new JackError(
        `writeMidiEvent: cannot write an event of ${data.length} bytes to ${JSON.stringify(this.name)}: ` +
          `only ${this.maxEventSize} bytes are left in this cycle's buffer`,
      );
    }
    if (data instanceof Uint8Array) target.set(data);
    else for (let i = 0; i < data.length; i++) target[i] = data[i]!;
  }

  /**
   * Reserves `size` bytes for an event at `time` and returns them to fill in; an empty array when
   * the buffer has no room (as in JACK).
   */
  reserveMidiEvent(time: number, size: number): Uint8Array {
    return this.#reserve(time, size, 'reserveMidiEvent') ?? EMPTY;
  }

  /** The largest event that still fits in this cycle's buffer, in bytes. */
  get maxEventSize(): number {
    const free = this.#region.capacity - this.#region.header[Midi.usedBytes]! - Midi.eventHeaderBytes;
    return free > 0 ? free & ~3 : 0;
  }

  /** Events JACK refused from this port so far (its buffer was smaller than ours), a running count. */
  get lostMidiEvents(): number {
    return this.#region.header[Midi.lost]!;
  }

  /** @internal */
  resize(frames: number): void {
    this.#frames = frames;
  }

  toString(): string {
    return `MidiOutView(${JSON.stringify(this.name)})`;
  }

  #reserve(time: number, size: number, caller: string): Uint8Array | null {
    if (!Number.isInteger(time) || time < 0 || time >= this.#frames) {
      throw new RangeError(`${caller}: time must be an integer from 0 to ${this.#frames - 1} (frames of this cycle), got ${time}`);
    }
    const region = this.#region;
    const count = region.header[Midi.count]!;
    if (count > 0 && time < this.#lastTime) {
      throw new RangeError(
        `${caller}: time ${time} is before the previous event's time ${this.#lastTime}; JACK needs events in time order`,
      );
    }
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`${caller}: a MIDI event needs at least one byte, got size ${size}`);
    }
    if (size > this.maxEventSize) return null;
    const used = region.header[Midi.usedBytes]!;
    region.words.setUint32(used, time, true);
    region.words.setUint32(used + 4, size, true);
    region.header[Midi.count] = count + 1;
    region.header[Midi.usedBytes] = used + Midi.eventHeaderBytes + paddedSize(size);
    this.#lastTime = time;
    return region.views.get(count, region.eventsOffset + used + Midi.eventHeaderBytes, size);
  }
}
