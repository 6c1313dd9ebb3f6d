// The short form of setProcessCallback: a self-contained function moved into the worker as text.

/** Checks on the main thread that `callback` can be carried to the worker; returns its source. */
export function shortFormSource(callback: (...args: never[]) => unknown, what = 'setProcessCallback'): string {
  const source = Function.prototype.toString.call(callback);
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) {
    throw new TypeError(`${what}: a built-in or bound function cannot be moved to the audio worker; ` +
      'pass a self-contained arrow function');
  }
  const kind = Object.getPrototypeOf(callback)?.constructor?.name;
  if (kind === 'AsyncFunction' || kind === 'GeneratorFunction' || kind === 'AsyncGeneratorFunction') {
    throw new TypeError(`${what}: the callback must be a plain synchronous function, ` +
      `got ${kind === 'AsyncFunction' ? 'an async function' : 'a generator function'}`);
  }
  compileShortForm(source, what);
  return source;
}

/** Turns the source back into a function (in the worker). */
export function compileShortForm(source: string, what = 'setProcessCallback'): (...args: unknown[]) => unknown {
  let compiled: unknown;
  try {
    compiled = new Function(`"use strict"; return (${source});`)();
  } catch {
    throw new TypeError(`${what}: this function cannot be moved to the audio worker as source text ` +
      '(a method shorthand or a class member?); write it as `(frames, ports) => { ... }` or `function (frames, ports) { ... }`');
  }
  if (typeof compiled !== 'function') throw new TypeError(`${what}: the source is not a function`);
  return compiled as (...args: unknown[]) => unknown;
}

/** Explains a ReferenceError thrown by a short-form callback: it used something from around it. */
export function explainMissingVariable(error: unknown): unknown {
  if (!(error instanceof ReferenceError)) return error;
  const name = /^(\S+) is not defined/.exec(error.message)?.[1] ?? 'a variable';
  const explained = new ReferenceError(
    `the process callback uses ${name}, which does not exist in the audio worker: a function given to ` +
      'setProcessCallback() is copied there as source text, so it cannot use variables, imports or functions ' +
      'from around it. Pass numbers with options.params, or write a processor module with defineProcessor().',
  );
  explained.stack = `${explained.name}: ${explained.message}\n${error.stack?.split('\n').slice(1).join('\n') ?? ''}`;
  return explained;
}
