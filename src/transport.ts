// The transport calls of Client: argument checks, position structs, result codes.
import { describe } from './arguments.js';
import { JackError, JackErrorCode } from './errors.js';
import { ROLLING } from './constants.js';
import { callNative, libjack, requireSupport } from './library.js';
import type { NativeClient } from './native.js';
import {
  POSITION_BYTES,
  POSITION_MASK,
  TransportState,
  isConsistent,
  position2dict,
  readPosition,
  writePosition,
  type PositionDict,
  type TransportPosition,
} from './transport-position.js';

const MAX_FRAME = 0xffffffff;
const EBUSY = 16;
const EIO = 5;

/** Why a transport request failed: PipeWire's libjack moves the transport only for active clients. */
function transportFailure(what: string, code: number): JackErrorCode {
  if (code === -EIO && libjack().isPipeWire()) {
    return new JackErrorCode(`${what}: PipeWire's JACK changes the transport only from an active client (call activate() first)`, code);
  }
  return new JackErrorCode(what, code);
}

/**
 * The current transport frame. PipeWire 0.3's jack_get_current_transport_frame ignores a locate
 * while the transport is stopped (it answers 0 where jack_transport_query knows the new frame), so
 * there the stopped frame comes from the query.
 */
export function currentFrame(native: NativeClient): number {
  requireSupport('jack_get_current_transport_frame', 'the transport');
  if (libjack().isPipeWire()) {
    const [state, position] = queryStruct(native);
    if (state !== ROLLING) return position.frame;
  }
  return callNative(() => native.transportFrame());
}

export function checkFrame(frame: unknown, parameter = 'frame'): number {
  if (typeof frame !== 'number' || !Number.isInteger(frame)) {
    throw new TypeError(`${parameter} must be an integer, got ${describe(frame)}`);
  }
  if (frame < 0 || frame > MAX_FRAME) throw new RangeError(`${parameter} must be within 0..${MAX_FRAME}, got ${frame}`);
  return frame;
}

/** `jack_transport_query`, read again until JACK's two unique ids agree (a consistent snapshot). */
export function queryStruct(native: NativeClient): [number, TransportPosition] {
  requireSupport('jack_transport_query', 'the transport');
  const bytes = new Uint8Array(POSITION_BYTES);
  let state = 0;
  for (let attempt = 0; attempt < 10; ++attempt) {
    state = callNative(() => native.transportQuery(bytes));
    if (isConsistent(bytes)) break;
  }
  return [state, readPosition(bytes)];
}

export function query(native: NativeClient): [TransportState, PositionDict] {
  const [state, position] = queryStruct(native);
  return [new TransportState(state), position2dict(position)];
}

export function locate(native: NativeClient, frame: unknown): void {
  const checked = checkFrame(frame);
  requireSupport('jack_transport_locate', 'the transport');
  const code = callNative(() => native.transportLocate(checked));
  if (code !== 0) throw transportFailure(`cannot locate the transport to frame ${checked}`, code);
}

export function reposition(native: NativeClient, position: unknown): void {
  if (typeof position !== 'object' || position === null) {
    throw new TypeError(`position must be a transport position object, got ${describe(position)}`);
  }
  const fields = position as Partial<TransportPosition>;
  checkFrame(fields.frame, 'position.frame');
  const valid = fields.valid ?? 0;
  if (!Number.isInteger(valid) || (valid & ~POSITION_MASK) !== 0) {
    throw new RangeError(`position.valid may only hold POSITION_BBT and POSITION_TIMECODE when repositioning, got 0x${valid.toString(16)}`);
  }
  requireSupport('jack_transport_reposition', 'the transport');
  const code = callNative(() => native.transportReposition(writePosition(fields)));
  if (code !== 0) throw transportFailure(`cannot reposition the transport to frame ${fields.frame}`, code);
}

export function setSyncTimeout(native: NativeClient, usecs: unknown): void {
  if (typeof usecs !== 'number' || !Number.isSafeInteger(usecs) || usecs < 0) {
    throw new RangeError(`timeout must be a non-negative integer of microseconds, got ${describe(usecs)}`);
  }
  requireSupport('jack_set_sync_timeout', 'the transport');
  // PipeWire's JACK stores the value as it comes and its driver reads it as nanoseconds (a timeout
  // shorter than a cycle then never ends); its driver also waits 5 s at most.
  const value = libjack().isPipeWire() ? Math.min(usecs * 1000, Number.MAX_SAFE_INTEGER) : usecs;
  const code = callNative(() => native.setSyncTimeout(value));
  if (code !== 0) throw new JackErrorCode('cannot set the sync timeout', code);
}

/** True when the client became timebase master, false when a conditional request found another. */
export function becomeTimebaseMaster(native: NativeClient, conditional: boolean): boolean {
  const code = callNative(() => native.setTimebaseCallback(conditional));
  // JACK2 <= 1.9.10 answered -1 instead of EBUSY.
  if (conditional && (code === EBUSY || code === -1)) return false;
  if (code !== 0) throw new JackErrorCode('cannot become the timebase master', code);
  return true;
}

export function releaseTimebase(native: NativeClient): void {
  requireSupport('jack_release_timebase', 'the transport');
  const code = callNative(() => native.releaseTimebase());
  if (code !== 0) throw new JackError('cannot release the timebase: this client is not the timebase master');
}
