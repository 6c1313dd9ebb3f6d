// JACK2 makes client names unique (`name-01`, ...) and refuses a taken name with useExactName.
// PipeWire's libjack lets two clients share a name and ignores useExactName, after which their
// ports collide. This does what JACK2 does, on any server: a client that finds another of its name
// is closed and opened again as the next free variant (or fails with useExactName).
import { STATUS_BITS } from './status.js';
import type { NativeClient, NativeOpenResult } from './native.js';

const MAX_VARIANTS = 99;  // as JACK2

export interface UniqueOpen {
  native: NativeClient;
  result: NativeOpenResult;
}

function clashes(native: NativeClient): boolean {
  const uuid = native.uuidForClientName(native.name());
  return uuid !== null && uuid !== native.uuid();
}

/**
 * `opened` is a client just opened as `name`; returns it, or a client opened under a free variant
 * of the name, or a failed result (status failure | serverError, as JACK2 reports a clash).
 */
export function ensureUniqueName(
  opened: UniqueOpen,
  name: string,
  useExactName: boolean,
  reopen: (name: string) => UniqueOpen,
): UniqueOpen {
  if (!opened.result.opened || !clashes(opened.native)) return opened;
  opened.native.close();
  const refused = { ...opened.result, opened: false, status: STATUS_BITS.failure | STATUS_BITS.serverError };
  if (useExactName) return { native: opened.native, result: refused };
  for (let variant = 1; variant <= MAX_VARIANTS; variant++) {
    const attempt = reopen(`${name}-${String(variant).padStart(2, '0')}`);
    if (!attempt.result.opened) return attempt;
    if (!clashes(attempt.native)) {
      return { native: attempt.native, result: { ...attempt.result, status: attempt.result.status | STATUS_BITS.nameNotUnique } };
    }
    attempt.native.close();
  }
  return { native: opened.native, result: refused };
}
