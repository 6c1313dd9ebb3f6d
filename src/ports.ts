import { inspect } from 'node:util';

import { checkOptions } from './arguments.js';
import type { OwnPort } from './port.js';

/** Options of {@link Ports.register}. */
export interface RegisterOptions {
  /**
   * For an input port: the data received is not passed on to any other port. For an output port:
   * the data does not originate from any other port. Synthesizers and I/O clients set this.
   */
  isTerminal?: boolean;
  /** The port corresponds to some kind of physical I/O connector. */
  isPhysical?: boolean;
}

/** @internal What a port list asks of its client. */
export interface PortsOwner<P extends OwnPort> {
  registerPort(shortname: string, options: RegisterOptions, list: Ports<P>): P;
  /** The port is in the list now. */
  registered(): void;
}

const CONSTRUCTING = Symbol('jack-client: internal ports construction');

/**
 * A list of this client's ports of one kind: {@link Client.inports}, {@link Client.outports},
 * {@link Client.midiInports} or {@link Client.midiOutports}. Index it (`ports[0]`, `ports.at(-1)`),
 * iterate it, read `length`; `register()` adds a port and a port's `unregister()` removes it.
 */
export class Ports<P extends OwnPort> implements Iterable<P> {
  readonly [index: number]: P;
  readonly #owner: PortsOwner<P>;
  readonly #ports: P[] = [];
  readonly #description: string;

  /** @internal */
  constructor(token: symbol, owner: PortsOwner<P>, description: string) {
    if (token !== CONSTRUCTING) throw new TypeError('Ports lists cannot be constructed directly');
    this.#owner = owner;
    this.#description = description;
  }

  /** Number of ports in the list. */
  get length(): number {
    return this.#ports.length;
  }

  /** The port at `index`; negative indexes count from the end. */
  at(index: number): P | undefined {
    return this.#ports.at(index);
  }

  /**
   * Registers a new port named `client:shortname` and appends it to this list.
   *
   * @throws RangeError when the full name is empty or longer than JACK allows.
   * @throws JackError when the client already has a port of that name, or JACK refuses.
   */
  register(shortname: string, options?: RegisterOptions): P {
    const checked = checkOptions<RegisterOptions>(options, 'options', {
      isTerminal: 'boolean',
      isPhysical: 'boolean',
    });
    const port = this.#owner.registerPort(shortname, checked, this);
    this.#ports.push(port);
    this.#sync();
    this.#owner.registered();
    return port;
  }

  /** Unregisters every port in the list. */
  clear(): void {
    for (const port of [...this.#ports]) port.unregister();
  }

  [Symbol.iterator](): Iterator<P> {
    return this.#ports[Symbol.iterator]();
  }

  toString(): string {
    return `[${this.#ports.map(String).join(', ')}]`;
  }

  [inspect.custom](depth: number, options: object): string {
    return `${this.#description} ${inspect(this.#ports, options)}`;
  }

  /** @internal Called by the client once a port of this list is unregistered. */
  remove(port: P): void {
    const index = this.#ports.indexOf(port);
    if (index >= 0) {
      this.#ports.splice(index, 1);
      this.#sync();
    }
  }

  /** @internal Empties the list without touching JACK (the client is closed). */
  forget(): void {
    this.#ports.length = 0;
    this.#sync();
  }

  #sync(): void {
    const self = this as unknown as Record<number, P>;
    for (const key of Object.keys(this)) delete self[Number(key)];
    this.#ports.forEach((port, index) => {
      Object.defineProperty(this, index, { value: port, enumerable: true, configurable: true });
    });
  }
}

/** @internal */
export function makePorts<P extends OwnPort>(owner: PortsOwner<P>, description: string): Ports<P> {
  return new Ports<P>(CONSTRUCTING, owner, description);
}
