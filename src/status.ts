import { inspect } from 'node:util';

/** @internal The `jack_status_t` bits. */
export const STATUS_BITS = {
  failure: 0x01,
  invalidOption: 0x02,
  nameNotUnique: 0x04,
  serverStarted: 0x08,
  serverFailed: 0x10,
  serverError: 0x20,
  noSuchClient: 0x40,
  loadFailure: 0x80,
  initFailure: 0x100,
  shmFailure: 0x200,
  versionError: 0x400,
  backendError: 0x800,
  clientZombie: 0x1000,
} as const;

/** The name of one JACK status bit, e.g. `'serverFailed'`. */
export type StatusFlag = keyof typeof STATUS_BITS;

/** The status bits JACK reports when a client is opened (`jack_status_t`). */
export class Status {
  /** The raw bits. */
  readonly code: number;

  constructor(code: number) {
    if (!Number.isInteger(code) || code < 0) {
      throw new RangeError(`code must be a non-negative integer, got ${String(code)}`);
    }
    this.code = code;
  }

  /** Overall operation failed. */
  get failure(): boolean { return this.#has('failure'); }
  /** The operation contained an invalid or unsupported option. */
  get invalidOption(): boolean { return this.#has('invalidOption'); }
  /** The desired client name was not unique; without `useExactName` JACK appended `-NN`. */
  get nameNotUnique(): boolean { return this.#has('nameNotUnique'); }
  /** The JACK server was started for this client. */
  get serverStarted(): boolean { return this.#has('serverStarted'); }
  /** Unable to connect to the JACK server. */
  get serverFailed(): boolean { return this.#has('serverFailed'); }
  /** Communication error with the JACK server. */
  get serverError(): boolean { return this.#has('serverError'); }
  /** Requested client does not exist. */
  get noSuchClient(): boolean { return this.#has('noSuchClient'); }
  /** Unable to load internal client. */
  get loadFailure(): boolean { return this.#has('loadFailure'); }
  /** Unable to initialize client. */
  get initFailure(): boolean { return this.#has('initFailure'); }
  /** Unable to access shared memory. */
  get shmFailure(): boolean { return this.#has('shmFailure'); }
  /** Client's protocol version does not match. */
  get versionError(): boolean { return this.#has('versionError'); }
  /** Backend error. */
  get backendError(): boolean { return this.#has('backendError'); }
  /** Client zombified failure. */
  get clientZombie(): boolean { return this.#has('clientZombie'); }

  /** The names of the bits that are set, in bit order. */
  get flags(): StatusFlag[] {
    return (Object.keys(STATUS_BITS) as StatusFlag[]).filter((flag) => this.#has(flag));
  }

  toString(): string {
    const hex = `0x${this.code.toString(16)}`;
    const flags = this.flags;
    return flags.length ? `status ${hex}: ${flags.join(', ')}` : `status ${hex}`;
  }

  [inspect.custom](): string {
    return `Status(${this.toString()})`;
  }

  #has(flag: StatusFlag): boolean {
    return (this.code & STATUS_BITS[flag]) !== 0;
  }
}
