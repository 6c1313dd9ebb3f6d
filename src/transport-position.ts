// jack_position_t as TypeScript sees it: the fields, their offsets in the packed 136-byte struct,
// reading and writing them, and the transport constants.
import { STOPPED, ROLLING, STARTING, NETSTARTING } from './constants.js';

/** `valid` bit: bar, beat, tick, barStartTick, beatsPerBar, beatType, ticksPerBeat, beatsPerMinute. */
export const POSITION_BBT = 0x10;
/** `valid` bit: frameTime, nextTime. */
export const POSITION_TIMECODE = 0x20;
/** `valid` bit: bbtOffset. */
export const POSITION_BBT_FRAME_OFFSET = 0x40;
/** `valid` bit: audioFramesPerVideoFrame. */
export const POSITION_AUDIO_VIDEO_RATIO = 0x80;
/** `valid` bit: videoOffset. */
export const POSITION_VIDEO_FRAME_OFFSET = 0x100;
/** `valid` bit: tickDouble (beyond the Python module). */
export const POSITION_TICK_DOUBLE = 0x200;
/** The bits a position may carry when it is requested (`JACK_POSITION_MASK`). */
export const POSITION_MASK = POSITION_BBT | POSITION_TIMECODE;

/**
 * JACK's transport position (`jack_position_t`), fields in camelCase. `usecs`, `frameRate` and
 * `frame` are set by the server; `valid` says which of the others hold values.
 */
export interface TransportPosition {
  usecs: number;
  frameRate: number;
  frame: number;
  valid: number;
  bar: number;
  beat: number;
  tick: number;
  barStartTick: number;
  beatsPerBar: number;
  beatType: number;
  ticksPerBeat: number;
  beatsPerMinute: number;
  frameTime: number;
  nextTime: number;
  bbtOffset: number;
  audioFramesPerVideoFrame: number;
  videoOffset: number;
  tickDouble: number;
}

type FieldKind = 'u64' | 'u32' | 'i32' | 'f32' | 'f64';
type FieldName = keyof TransportPosition;

/** Byte offsets in the packed struct (the transport tests read a Python timebase master's every field). */
export const POSITION_FIELDS: ReadonlyArray<readonly [FieldName, number, FieldKind]> = [
  ['usecs', 8, 'u64'],
  ['frameRate', 16, 'u32'],
  ['frame', 20, 'u32'],
  ['valid', 24, 'u32'],
  ['bar', 28, 'i32'],
  ['beat', 32, 'i32'],
  ['tick', 36, 'i32'],
  ['barStartTick', 40, 'f64'],
  ['beatsPerBar', 48, 'f32'],
  ['beatType', 52, 'f32'],
  ['ticksPerBeat', 56, 'f64'],
  ['beatsPerMinute', 64, 'f64'],
  ['frameTime', 72, 'f64'],
  ['nextTime', 80, 'f64'],
  ['bbtOffset', 88, 'u32'],
  ['audioFramesPerVideoFrame', 92, 'f32'],
  ['videoOffset', 96, 'u32'],
  ['tickDouble', 100, 'f64'],
];
export const POSITION_BYTES = 136;
const UNIQUE_1 = 0;
const UNIQUE_2 = 128;

export function readField(view: DataView, at: number, kind: FieldKind): number {
  switch (kind) {
    case 'u64':
      return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
    case 'u32':
      return view.getUint32(at, true);
    case 'i32':
      return view.getInt32(at, true);
    case 'f32':
      return view.getFloat32(at, true);
    case 'f64':
      return view.getFloat64(at, true);
  }
}

export function writeField(view: DataView, at: number, kind: FieldKind, value: number): void {
  switch (kind) {
    case 'u64':
      view.setUint32(at, value % 2 ** 32, true);
      view.setUint32(at + 4, Math.floor(value / 2 ** 32), true);
      return;
    case 'u32':
      view.setUint32(at, value, true);
      return;
    case 'i32':
      view.setInt32(at, value, true);
      return;
    case 'f32':
      view.setFloat32(at, value, true);
      return;
    case 'f64':
      view.setFloat64(at, value, true);
  }
}

/** A plain copy of the position in `bytes` (from `jack_transport_query`). */
export function readPosition(bytes: Uint8Array): TransportPosition {
  const view = new DataView(bytes.buffer, bytes.byteOffset, POSITION_BYTES);
  const position = {} as TransportPosition;
  for (const [name, at, kind] of POSITION_FIELDS) position[name] = readField(view, at, kind);
  return position;
}

/** The struct bytes of `position`; fields left out are 0. */
export function writePosition(position: Partial<TransportPosition>): Uint8Array {
  const bytes = new Uint8Array(POSITION_BYTES);
  const view = new DataView(bytes.buffer);
  for (const [name, at, kind] of POSITION_FIELDS) {
    const value = position[name];
    if (value !== undefined) writeField(view, at, kind, value);
  }
  return bytes;
}

/** Whether the struct's two unique ids agree (JACK writes them around an update). */
export function isConsistent(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, POSITION_BYTES);
  return view.getBigUint64(UNIQUE_1, true) === view.getBigUint64(UNIQUE_2, true);
}

/** The fields of a position that hold values: always usecs, frameRate, frame; the rest by `valid`. */
export type PositionDict = Pick<TransportPosition, 'usecs' | 'frameRate' | 'frame'> & Partial<TransportPosition>;

const GROUPS: ReadonlyArray<readonly [number, readonly FieldName[]]> = [
  [POSITION_BBT, ['bar', 'beat', 'tick', 'barStartTick', 'beatsPerBar', 'beatType', 'ticksPerBeat', 'beatsPerMinute']],
  [POSITION_TIMECODE, ['frameTime', 'nextTime']],
  [POSITION_BBT_FRAME_OFFSET, ['bbtOffset']],
  [POSITION_AUDIO_VIDEO_RATIO, ['audioFramesPerVideoFrame']],
  [POSITION_VIDEO_FRAME_OFFSET, ['videoOffset']],
];

/**
 * Only the valid fields of `position` (the Python module's `position2dict`): usecs, frameRate and
 * frame, then each group whose bit is set in `valid`.
 */
export function position2dict(position: TransportPosition): PositionDict {
  const result: PositionDict = { usecs: position.usecs, frameRate: position.frameRate, frame: position.frame };
  for (const [bit, names] of GROUPS) {
    if (position.valid & bit) for (const name of names) result[name] = position[name];
  }
  return result;
}

const STATE_NAMES = new Map<number, string>([
  [STOPPED, 'STOPPED'],
  [ROLLING, 'ROLLING'],
  [STARTING, 'STARTING'],
  [NETSTARTING, 'NETSTARTING'],
]);

/**
 * A transport state, as {@link Client.transportState} and {@link Client.transportQuery} return it.
 * It compares to the constants with `==` / `.equals()` and prints as `jack.ROLLING`.
 */
export class TransportState {
  readonly code: number;

  constructor(code: number) {
    this.code = code;
  }

  /** True when `other` is the same state (a TransportState or one of the constants). */
  equals(other: TransportState | number): boolean {
    return (other instanceof TransportState ? other.code : other) === this.code;
  }

  valueOf(): number {
    return this.code;
  }

  toString(): string {
    return `jack.${STATE_NAMES.get(this.code) ?? `TransportState(${this.code})`}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}
