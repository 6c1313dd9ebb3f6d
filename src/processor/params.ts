/**
 * Parameters: named numbers in shared memory, written by the main thread, read by the processor
 * (or the other way round) without messages. One Float64 per name.
 */
export type Params<Names extends string = string> = Record<Names, number>;

/** Checks parameter names and initial values; returns the names in order. */
export function checkParams(params: unknown): Record<string, number> {
  if (params === undefined) return {};
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new TypeError('options.params must be an object of numbers, e.g. { gain: 0.5 }');
  }
  const checked: Record<string, number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value !== 'number') {
      throw new TypeError(`options.params.${name} must be a number, got ${typeof value}`);
    }
    checked[name] = value;
  }
  return checked;
}

/**
 * An object with one accessor per name over `memory`. Unknown names throw: a typo would otherwise
 * be a silent no-op.
 */
export function paramsView(names: readonly string[], memory: SharedArrayBuffer): Params {
  const values = new Float64Array(memory);
  const view: Record<string, number> = Object.create(null);
  names.forEach((name, index) => {
    Object.defineProperty(view, name, {
      enumerable: true,
      get: () => values[index]!,
      set: (value: number) => {
        if (typeof value !== 'number') throw new TypeError(`param ${name} must be a number, got ${typeof value}`);
        values[index] = value;
      },
    });
  });
  return Object.freeze(view);
}
