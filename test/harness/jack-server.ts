// Starts a private JACK2 server (dummy driver, unique name) for a test file and stops it after,
// by process id, even when the tests fail. Never touches a server it did not start.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { runPeer } from './peers.js';

export interface JackServer {
  /** The server name to pass as `serverName` or `JACK_DEFAULT_SERVER`. */
  readonly name: string;
  readonly pid: number;
  /** Environment for child processes that must talk to this server (and never start another). */
  readonly env: NodeJS.ProcessEnv;
  /** What jackd printed so far, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Reuse a name, e.g. to restart a server that a test killed. */
  name?: string;
  samplerate?: number;
  period?: number;
}

const running = new Set<ChildProcess>();
let counter = 0;

// Last resort: a test process that dies with servers still running takes them along.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

// No client of the tests may start a server on its own.
process.env['JACK_NO_START_SERVER'] = '1';

export function uniqueServerName(): string {
  counter += 1;
  return `jctest-${process.pid}-${counter}-${randomBytes(3).toString('hex')}`;
}

export async function startJackServer(options: ServerOptions = {}): Promise<JackServer> {
  const name = options.name ?? uniqueServerName();
  const args = ['--no-realtime', '-n', name, '-d', 'dummy',
    '-r', String(options.samplerate ?? 48000), '-p', String(options.period ?? 256)];
  const child = spawn('jackd', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    running.delete(child);
    resolve();
  }));
  const env = { ...process.env, JACK_DEFAULT_SERVER: name, JACK_NO_START_SERVER: '1' };
  const server: JackServer = {
    name,
    pid: child.pid ?? -1,
    env,
    log: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
  await waitUntilReady(server, child);
  return server;
}

async function waitUntilReady(server: JackServer, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`jackd ${server.name} exited with code ${child.exitCode}:\n${server.log()}`);
    }
    const result = await runPeer('jack_lsp', ['-s', server.name], server, { allowFailure: true });
    if (result.code === 0 && result.stdout.includes('system:playback_1')) return;
    await sleep(50);
  }
  await server.stop();
  throw new Error(`jackd ${server.name} did not become ready within 15 s:\n${server.log()}`);
}
