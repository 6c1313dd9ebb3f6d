// A private, headless PipeWire per test file: its own runtime, config and state directories, its
// own D-Bus session bus (WirePlumber needs one), PipeWire and WirePlumber, nothing shared with a
// desktop session. A test source (audiotestsrc) and a null sink are the "sound card"; PipeWire's
// JACK names the default ones `system:capture_N` / `system:playback_N` (jack.default-as-system),
// as JACK2's dummy driver does. PipeWire's Dummy-Driver drives the graph, as jackd's dummy backend
// does (with the test nodes as drivers, a client closing while linked to them could leave them
// waiting for it: later clients got one cycle). Every process it started is stopped by pid after.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { spawnTiedToThisProcess } from '../../src/cli/tied-spawn.js';
import type { JackServer, ServerOptions } from './jack-server.js';

/** PipeWire's libjack directory (what `pw-jack` puts on LD_LIBRARY_PATH), or null. */
export function pipewireJackDirectory(): string | null {
  for (const root of ['/usr/lib', '/usr/lib64', '/usr/local/lib']) {
    if (!existsSync(root)) continue;
    for (const candidate of [join(root, 'pipewire-0.3', 'jack'), ...readdirSync(root).map((entry) => join(root, entry, 'pipewire-0.3', 'jack'))]) {
      if (existsSync(join(candidate, 'libjack.so.0'))) return candidate;
    }
  }
  return null;
}

function serverConfig(period: number): string {
  return `context.properties = {
    default.clock.rate = 48000
    default.clock.allowed-rates = [ 48000 ]
    default.clock.quantum = ${period}
    default.clock.min-quantum = 16
    default.clock.max-quantum = 8192
}
context.spa-libs = {
    audiotestsrc = audiotestsrc/libspa-audiotestsrc
}
context.objects = [
    { factory = adapter
        args = {
            factory.name     = audiotestsrc
            node.name        = "test_capture"
            node.description = "Test capture"
            media.class      = "Audio/Source"
            audio.position   = "FL,FR"
            node.driver      = false
        }
    }
    { factory = adapter
        args = {
            factory.name     = support.null-audio-sink
            node.name        = "test_playback"
            node.description = "Test playback"
            media.class      = "Audio/Sink"
            audio.position   = "FL,FR"
            node.driver      = false
        }
    }
]
`;
}

// Read by PipeWire's libjack in every client of this server (ours, JACK's tools, Python).
const JACK_CONFIG = `jack.properties = {
    jack.default-as-system = true
    jack.show-monitor = false
}
`;

interface Started {
  child: ChildProcess;
  exited: Promise<void>;
  output(): string;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawnTiedToThisProcess(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  return { child, exited, output: () => output };
}

async function stopProcess(started: Started): Promise<void> {
  const { child } = started;
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await Promise.race([started.exited.then(() => false), sleep(5000).then(() => true)])) child.kill('SIGKILL');
  await started.exited;
}

const running = new Set<Started>();
process.on('exit', () => {
  for (const started of running) started.child.kill('SIGTERM');
});

export async function startPipeWireServer(options: ServerOptions = {}): Promise<JackServer> {
  const libraryDirectory = pipewireJackDirectory();
  if (libraryDirectory === null) throw new Error('PipeWire\'s libjack is not installed (Debian: apt-get install pipewire-jack)');
  const root = mkdtempSync(join(tmpdir(), 'jctest-pw-'));
  const runtime = join(root, 'run');
  const config = join(root, 'config');
  mkdirSync(runtime, { mode: 0o700 });
  mkdirSync(join(config, 'pipewire', 'pipewire.conf.d'), { recursive: true });
  mkdirSync(join(config, 'pipewire', 'jack.conf.d'), { recursive: true });
  writeFileSync(join(config, 'pipewire', 'pipewire.conf.d', 'jack-client-test.conf'), serverConfig(options.period ?? 256));
  writeFileSync(join(config, 'pipewire', 'jack.conf.d', 'jack-client-test.conf'), JACK_CONFIG);
  const socket = join(runtime, 'pipewire-0');
  const bus = `unix:path=${join(runtime, 'bus')}`;
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_RUNTIME_DIR: runtime,
    PIPEWIRE_RUNTIME_DIR: runtime,
    XDG_CONFIG_HOME: config,
    XDG_STATE_HOME: join(root, 'state'),
    XDG_DATA_HOME: join(root, 'data'),
    DBUS_SESSION_BUS_ADDRESS: bus,
    DISPLAY: '',
  };
  const started: Started[] = [];
  const launch = (command: string, args: string[]) => {
    const process_ = start(command, args, serverEnv);
    started.push(process_);
    running.add(process_);
    return process_;
  };
  const stop = async () => {
    for (const process_ of started.reverse()) {
      await stopProcess(process_);
      running.delete(process_);
    }
    rmSync(root, { recursive: true, force: true });
  };
  const env: NodeJS.ProcessEnv = {
    ...serverEnv,
    PIPEWIRE_REMOTE: socket,
    JACK_DEFAULT_SERVER: socket,
    JACK_NO_START_SERVER: '1',
    JACK_CLIENT_LIBJACK: join(libraryDirectory, 'libjack.so.0'),
    LD_LIBRARY_PATH: [libraryDirectory, process.env['LD_LIBRARY_PATH']].filter(Boolean).join(':'),
  };
  try {
    const dbus = launch('dbus-daemon', ['--session', `--address=${bus}`, '--nofork', '--nopidfile']);
    await waitFor(() => existsSync(join(runtime, 'bus')), 'the D-Bus session bus', dbus);
    const pipewire = launch('pipewire', []);
    await waitFor(() => existsSync(socket), 'PipeWire\'s socket', pipewire);
    const wireplumber = launch('wireplumber', []);
    // WirePlumber configures the test nodes (their ports appear) and makes them the defaults.
    await waitFor(() => {
      const listed = spawnSync('jack_lsp', [], { env, encoding: 'utf8', timeout: 5000 });
      return /^system:capture_2$/m.test(listed.stdout) && /^system:playback_2$/m.test(listed.stdout);
    }, 'the test source and sink as system ports', wireplumber);
  } catch (error) {
    await stop();
    throw error;
  }
  // This test process talks to the server through PipeWire's libjack too, naming it by its socket
  // path (serverName). PIPEWIRE_REMOTE would override every serverName, so only the peers get it.
  Object.assign(process.env, { XDG_RUNTIME_DIR: runtime, PIPEWIRE_RUNTIME_DIR: runtime, XDG_CONFIG_HOME: config });
  return {
    name: socket,
    pid: started[1]?.child.pid ?? -1,
    env,
    log: () => started.map((process_) => process_.output()).join(''),
    stop,
  };
}

async function waitFor(check: () => boolean, what: string, process_: Started, timeoutMs = 15000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (process_.child.exitCode !== null || process_.child.signalCode !== null) {
      throw new Error(`waiting for ${what}: the process exited\n${process_.output()}`);
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${process_.output()}`);
    await sleep(50);
  }
}
