// Loading libjack at run time, and turning the addon's "unsupported" errors into JackErrors.
import { JackError } from './errors.js';
import { addon, type NativeAddon } from './native.js';

/** The environment variable that names the libjack to load instead of `libjack.so.0`. */
export const LIBJACK_PATH_VARIABLE = 'JACK_CLIENT_LIBJACK';

let loaded: NativeAddon | undefined;

/** The addon, with libjack loaded; throws a JackError that says what to install when it cannot be. */
export function libjack(): NativeAddon {
  if (loaded) return loaded;
  const result = addon.load();
  if (!result.loaded) {
    throw new JackError(
      `cannot load the JACK library ${JSON.stringify(result.path)}: ${result.error}. ` +
        'Install JACK (Debian/Ubuntu: apt-get install libjack-jackd2-0, or jackd2 for the server too) ' +
        `or set ${LIBJACK_PATH_VARIABLE} to the path of a libjack.so.0 (PipeWire's is used with pw-jack).`,
    );
  }
  loaded = addon;
  return loaded;
}

/** Whether the loaded libjack has `functionName` (false when libjack cannot be loaded). */
export function supports(functionName: string): boolean {
  return addon.load().loaded && addon.supports(functionName);
}

/** Throws the "not supported by this JACK" JackError when libjack lacks `functionName`. */
export function requireSupport(functionName: string, what: string): void {
  if (!libjack().supports(functionName)) {
    throw new JackError(
      `${what} is not supported by this JACK: ${addon.load().path} has no ${functionName}`,
    );
  }
}

/** Runs a native call, turning the addon's ERR_JACK_UNSUPPORTED error into a JackError. */
export function callNative<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof Error && (error as { code?: unknown }).code === 'ERR_JACK_UNSUPPORTED') {
      throw new JackError(error.message, { cause: error });
    }
    throw error;
  }
}
