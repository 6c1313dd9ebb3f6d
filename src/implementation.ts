// Which JACK library this process loaded: JACK2's, PipeWire's or JACK1's (beyond the Python module).
import { callNative, libjack } from './library.js';
import { addon } from './native.js';

/** The server library behind libjack.so.0, as {@link implementation} reports it. */
export interface JackImplementation {
  /** `'jack2'`, `'pipewire'` (PipeWire's libjack, used through `pw-jack`), `'jack1'` or `'unknown'`. */
  name: 'jack2' | 'pipewire' | 'jack1' | 'unknown';
  /** The implementation's own version, e.g. `'1.9.21'` or `'0.3.65'` for PipeWire. */
  version: string;
  /** The library file that was loaded (`libjack.so.0`, or what `JACK_CLIENT_LIBJACK` names). */
  library: string;
}

/**
 * Which JACK library this process uses. JACK2's and PipeWire's differ in places (docs/troubleshooting.md);
 * this says which one a program talks to. Throws a JackError when no libjack can be loaded.
 */
export function implementation(): JackImplementation {
  const library = addon.load().path;
  const text = callNative(() => libjack().versionString());
  const pipewire = /using PipeWire ([^\s)]+)/.exec(text);
  if (pipewire) return { name: 'pipewire', version: pipewire[1]!, library };
  const version = /^(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (version && version[1] === '1') return { name: 'jack2', version: version[0], library };
  if (version && version[1] === '0') return { name: 'jack1', version: version[0], library };
  return { name: 'unknown', version: text, library };
}
