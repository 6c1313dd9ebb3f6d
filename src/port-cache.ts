// Keeps one Port object per JACK port for as long as user code holds it, so that the same port
// compares `===`. Entries go away with their objects.
import type { Port } from './port.js';

export class PortCache {
  readonly #entries = new Map<string, WeakRef<Port>>();
  readonly #finalizer = new FinalizationRegistry<{ key: string; reference: WeakRef<Port> }>(
    ({ key, reference }) => {
      if (this.#entries.get(key) === reference) this.#entries.delete(key);
    },
  );

  get(key: string): Port | undefined {
    return this.#entries.get(key)?.deref();
  }

  set(key: string, port: Port): void {
    const reference = new WeakRef(port);
    this.#entries.set(key, reference);
    this.#finalizer.register(port, { key, reference });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }
}
