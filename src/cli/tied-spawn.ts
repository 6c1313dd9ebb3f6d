// Starts a helper process (a server) that ends with this process, also when this process dies
// without cleaning up (a crash, SIGKILL): a JACK2 server left behind keeps running, and one killed
// later keeps its entry in JACK2's registry of 8 servers. On Linux, util-linux's
// `setpriv --pdeathsig TERM` sets the parent-death signal and then runs the command in its place
// (same pid); without setpriv the command is started plainly.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

let setpriv: string | null | undefined;

function findSetpriv(): string | null {
  if (setpriv !== undefined) return setpriv;
  setpriv = null;
  if (process.platform !== 'linux') return setpriv;
  for (const directory of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(directory, 'setpriv');
    try {
      accessSync(candidate, constants.X_OK);
      setpriv = candidate;
      break;
    } catch {
      // not here
    }
  }
  return setpriv;
}

/**
 * Like `spawn(command, args, options)`; the process gets SIGTERM when this one ends. It ignores
 * SIGPIPE: once this process is gone, nobody reads its output, and a jackd killed by SIGPIPE while
 * it says goodbye would not free its entry in JACK2's registry.
 */
export function spawnTiedToThisProcess(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const helper = findSetpriv();
  if (helper === null) return spawn(command, args, options);
  return spawn('/bin/sh', ['-c', 'trap "" PIPE; exec "$@"', 'sh', helper, '--pdeathsig', 'TERM', '--', command, ...args], options);
}
