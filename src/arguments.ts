// Argument checks shared by the API classes: wrong types give TypeError, bad values RangeError,
// each naming the parameter.

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return `an object (${Object.prototype.toString.call(value)})`;
  return `${typeof value} ${String(value)}`;
}

export function requireString(value: unknown, parameter: string): string {
  if (typeof value !== 'string') {
    throw new TypeError(`${parameter} must be a string, got ${describe(value)}`);
  }
  return value;
}

export function requireFunction<F extends (...args: never[]) => unknown>(
  value: unknown,
  parameter: string,
): F {
  if (typeof value !== 'function') {
    throw new TypeError(`${parameter} must be a function, got ${describe(value)}`);
  }
  return value as F;
}

export function requireBoolean(value: unknown, parameter: string): boolean {
  if (typeof value !== 'boolean') {
    throw new TypeError(`${parameter} must be a boolean, got ${describe(value)}`);
  }
  return value;
}

/**
 * Checks an options object: it may be undefined; every key must be one of `allowed` (a typo such
 * as `is_audio` is an error, not silently ignored) and every value of the expected type.
 */
/** The type an option must have (`typeof`), or 'any'. */
export type OptionType = 'boolean' | 'string' | 'number' | 'object' | 'any';

export function checkOptions<T extends object>(
  options: unknown,
  parameter: string,
  allowed: Record<keyof T, OptionType>,
): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${parameter} must be an object, got ${describe(options)}`);
  }
  const expected = allowed as Record<string, OptionType>;
  for (const [key, value] of Object.entries(options)) {
    const type = expected[key];
    if (type === undefined) {
      const known = Object.keys(expected).join(', ');
      throw new TypeError(`${parameter} has an unknown option ${JSON.stringify(key)} (known: ${known})`);
    }
    if (value !== undefined && type !== 'any' && typeof value !== type) {
      throw new TypeError(`${parameter}.${key} must be a ${type}, got ${describe(value)}`);
    }
  }
  return options as Partial<T>;
}

export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function quote(text: string): string {
  return JSON.stringify(text);
}
