// JACK UUIDs are 64-bit numbers; libjack parses them loosely ("-5" passes, DESIGN hazard 8), so
// they are checked here and travel as decimal strings.
import { quote, requireString } from './arguments.js';

/** The decimal text of a UUID given as a string, bigint or safe integer. */
export function checkUuid(uuid: unknown, parameter = 'uuid'): string {
  if (typeof uuid === 'bigint' || typeof uuid === 'number') {
    if (typeof uuid === 'number' && !Number.isSafeInteger(uuid)) {
      throw new RangeError(`${parameter} must be a safe integer, got ${uuid}`);
    }
    if (uuid < 0 || BigInt(uuid) > 0xffffffffffffffffn) {
      throw new RangeError(`${parameter} must be a 64-bit JACK UUID, got ${uuid}`);
    }
    return uuid.toString();
  }
  const text = requireString(uuid, parameter);
  if (!/^[0-9]{1,20}$/.test(text) || BigInt(text) > 0xffffffffffffffffn) {
    throw new RangeError(`${parameter} must be a decimal 64-bit JACK UUID, got ${quote(text)}`);
  }
  return text;
}
