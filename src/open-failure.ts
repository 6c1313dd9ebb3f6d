// Explains a failed jack_client_open from its status bits and the options asked for. The bits are
// not specific (an exact-name clash and a refused unique name both give failure|serverError), so
// the explanation also uses what the caller asked for.
import { quote } from './arguments.js';
import type { ClientOptions } from './client.js';
import type { Status } from './status.js';

export function describeOpenFailure(status: Status, name: string, options: Partial<ClientOptions>): string {
  const server = options.serverName ? `JACK server ${quote(options.serverName)}` : 'the JACK server';
  if (status.serverFailed) {
    const starting = options.noStartServer || process.env['JACK_NO_START_SERVER']
      ? 'noStartServer is set, so none was started'
      : 'and starting one failed';
    return `cannot connect to ${server}: it is not running (${starting}); start one, e.g. \`jackd -d dummy\``;
  }
  if (status.versionError) return `${server} speaks another protocol version than this libjack`;
  if (status.shmFailure) return `cannot access the shared memory of ${server}`;
  if (status.invalidOption) return 'JACK rejected an option';
  if (status.initFailure) return 'the client could not be initialized';
  if (status.serverError && options.useExactName) {
    return `${server} refused the name: a client named ${quote(name)} exists already, and useExactName forbids a variant`;
  }
  if (status.serverError) {
    return `${server} refused the client (a name taken too often to make unique, or a communication error)`;
  }
  return 'JACK reported a failure';
}
