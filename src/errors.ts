import type { Status } from './status.js';

/** Any failure reported by JACK or by this library on JACK's behalf. */
export class JackError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A JACK failure that came with a libjack return code (often an errno value such as `EEXIST`). */
export class JackErrorCode extends JackError {
  /** The return code of the libjack function that failed. */
  readonly code: number;

  constructor(message: string, code: number) {
    super(`${message} (error code ${code})`);
    this.code = code;
  }
}

/**
 * Opening a client failed.
 *
 * Python's `JackOpenError.name` is `clientName` here: on a JavaScript `Error`, `name` is the error
 * class's name, which stack traces and `util.inspect` print.
 */
export class JackOpenError extends JackError {
  /** The client name that was asked for. */
  readonly clientName: string;
  /** What libjack reported. */
  readonly status: Status;

  constructor(clientName: string, status: Status, explanation: string) {
    super(`cannot open JACK client ${JSON.stringify(clientName)}: ${explanation} (${status})`);
    this.clientName = clientName;
    this.status = status;
  }
}

/** Throw this in a callback to stop further calls of it quietly. */
export class CallbackExit extends Error {
  constructor(message = 'callback exited') {
    super(message);
    this.name = 'CallbackExit';
  }
}
