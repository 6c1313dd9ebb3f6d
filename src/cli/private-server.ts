// Starts a private JACK2 server (dummy driver, our own name) and stops exactly that process.
// Used by the demo when no server runs, and by the test harness.
import { execFile, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

import { withStartLock } from './start-lock.js';
import { spawnTiedToThisProcess } from './tied-spawn.js';

export interface PrivateServerOptions {
  name: string;
  samplerate?: number;
  period?: number;
  /** Run with realtime scheduling (`-R`); default off (`--no-realtime`), which needs no privileges. */
  realtime?: boolean;
  /** How long to wait for the server to accept clients. */
  readyTimeoutMs?: number;
  /** Internal: this server only frees the registry entry of a killed one of the same name. */
  reclaiming?: boolean;
}

export interface PrivateServer {
  readonly name: string;
  readonly pid: number;
  /** What jackd printed so far. */
  log(): string;
  /**
   * Stops the server (SIGTERM, then SIGKILL after 5 s); resolves once it has exited. A server that
   * died by SIGKILL (a test's doing, or the fallback) leaves its entry in JACK2's shared registry,
   * which holds 8 servers and reclaims an entry only for the same name: stop() then starts and
   * cleanly stops a server of that name to free it.
   */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
const servers = new Set<PrivateServer>();

/** Stops every private server this process started (e.g. when the process is told to end). */
export async function stopAllPrivateServers(): Promise<void> {
  await Promise.all([...servers].map((server) => server.stop()));
}
// An exit that did not stop its servers: SIGTERM lets jackd free its registry entry (SIGKILL would not).
process.on('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

/** Starts a server; one at a time across processes, and a moment to settle before the next. */
export function startPrivateServer(options: PrivateServerOptions): Promise<PrivateServer> {
  return withStartLock(async () => {
    const server = await launch(options);
    await sleep(100);
    return server;
  });
}

async function launch(options: PrivateServerOptions): Promise<PrivateServer> {
  const args = [options.realtime ? '-R' : '--no-realtime', '-n', options.name, '-d', 'dummy',
    '-r', String(options.samplerate ?? 48000), '-p', String(options.period ?? 256)];
  const child = spawnTiedToThisProcess('jackd', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const spawnFailure = new Promise<Error>((resolve) => child.once('error', resolve));
  const exited = new Promise<void>((resolve) => child.once('exit', () => {
    running.delete(child);
    resolve();
  }));
  const server: PrivateServer = {
    name: options.name,
    pid: child.pid ?? -1,
    log: () => output,
    stop: async () => {
      servers.delete(server);
      if (child.pid === undefined) return;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        if (await Promise.race([exited.then(() => false), sleep(5000).then(() => true)])) {
          child.kill('SIGKILL');
        }
      }
      await exited;
      if (child.signalCode === 'SIGKILL' && !options.reclaiming) {
        const successor = await launch({ ...options, reclaiming: true });
        await successor.stop();
      }
    },
  };
  servers.add(server);
  const deadline = Date.now() + (options.readyTimeoutMs ?? 15000);
  while (Date.now() < deadline) {
    const failure = await Promise.race([spawnFailure, sleep(0).then(() => null)]);
    if (failure) throw new Error(`cannot start jackd: ${failure.message} (is jackd2 installed?)`);
    if (child.exitCode !== null && output.includes('Too many servers already active')) {
      throw new Error(`jackd ${options.name} cannot start: JACK2 runs at most 8 servers on a machine, and its registry ` +
        '(/dev/shm/jack-shm-registry) is full. A server killed with SIGKILL keeps its entry until a server of the same ' +
        `name starts and stops again; stop servers you do not need.\n${output}`);
    }
    if (child.exitCode !== null) throw new Error(`jackd exited with code ${child.exitCode}:\n${output}`);
    if (await serverAnswers(options.name)) return server;
    await sleep(50);
  }
  await server.stop();
  throw new Error(`jackd ${options.name} did not accept clients in time:\n${output}`);
}

function serverAnswers(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('jack_lsp', ['-s', name], { env: { ...process.env, JACK_NO_START_SERVER: '1' }, timeout: 5000 },
      (error, stdout) => resolve(!error && stdout.includes('system:playback_1')));
  });
}
