// Name limits, validated here because libjack's own reports are not specific (a too-long name, an
// exact-name clash and a server that is gone can all give the same status bits) and because it
// truncates some names silently.
import { byteLength, quote, requireString } from './arguments.js';
import { libjack } from './library.js';

// Measured on JACK2 1.9.21: jack_port_register keeps at most 256 bytes of the full name (longer
// names up to 319 bytes are truncated silently), while jack_port_rename keeps up to
// jack_port_name_size() - 2. Client names: jack_client_name_size() - 2 (65 -> 63; 64 is rejected).
const REGISTERED_PORT_NAME_BYTES = 256;

export function maxClientNameBytes(): number {
  return libjack().clientNameSize() - 2;
}

export function maxRegisteredPortNameBytes(): number {
  return Math.min(REGISTERED_PORT_NAME_BYTES, libjack().portNameSize() - 2);
}

export function maxRenamedPortNameBytes(): number {
  return libjack().portNameSize() - 2;
}

export function checkClientName(name: unknown): string {
  requireString(name, 'name');
  const text = name as string;
  if (text.length === 0) throw new RangeError('name must not be empty');
  if (text.includes(':')) {
    throw new RangeError(`name ${quote(text)} must not contain ":" (it separates client and port names)`);
  }
  if (text.includes('\0')) throw new RangeError(`name ${quote(text)} must not contain a NUL character`);
  const limit = maxClientNameBytes();
  const bytes = byteLength(text);
  if (bytes > limit) {
    throw new RangeError(`name ${quote(text)} is ${bytes} bytes long; JACK allows at most ${limit}`);
  }
  return text;
}

export function checkShortPortName(
  clientName: string,
  shortName: unknown,
  parameter: string,
  limit: number,
): string {
  requireString(shortName, parameter);
  const text = shortName as string;
  if (text.length === 0) throw new RangeError(`${parameter} must not be empty`);
  if (text.includes('\0')) throw new RangeError(`${parameter} ${quote(text)} must not contain a NUL character`);
  const fullName = `${clientName}:${text}`;
  const bytes = byteLength(fullName);
  if (bytes > limit) {
    throw new RangeError(
      `${parameter} ${quote(text)} is too long: the full port name ${quote(fullName)} is ${bytes} bytes; ` +
        `JACK allows at most ${limit}`,
    );
  }
  return text;
}
