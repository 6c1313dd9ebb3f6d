#!/usr/bin/env node
// The README's demo: opens a client on the running JACK server (or on a private dummy-driver
// server it starts when none runs), plays a metronome from a TypeScript processor into the
// playback ports and prints live figures. `--seconds N` plays N seconds (0: until Ctrl+C).
import { Client, JackOpenError, implementation, setErrorFunction, type Port } from '../index.js';
import { startPrivateServer, type PrivateServer } from './private-server.js';

const CLIENT_NAME = 'jack-client-demo';

function openOn(serverName: string | undefined): Client {
  return new Client(CLIENT_NAME, { noStartServer: true, ...(serverName ? { serverName } : {}) });
}

async function openClient(): Promise<{ client: Client; server: PrivateServer | null }> {
  // "No server" is an expected answer here, and the demo says so itself. libjack's messages are
  // delivered asynchronously, so the quiet handler stays until the private server is up.
  setErrorFunction(() => undefined);
  try {
    return { client: openOn(undefined), server: null };
  } catch (error) {
    if (!(error instanceof JackOpenError) || !error.status.serverFailed) throw error;
    const name = `jack-client-demo-${process.pid}`;
    console.log(`No JACK server is running: starting a private one, "${name}" (dummy driver, 48 kHz, 256 frames).`);
    const server = await startPrivateServer({ name });
    return { client: openOn(name), server };
  } finally {
    setErrorFunction(null);
  }
}

function describePort(port: Port, client: Client): string {
  const kind = `${port.isMidi ? 'midi' : port.isAudio ? 'audio' : port.type} ${port.isInput ? 'in ' : 'out'}`;
  const links = client.getAllConnections(port).map((other) => other.name);
  return `  ${port.name.padEnd(32)} ${kind.padEnd(9)} ${links.length ? `<-> ${links.join(', ')}` : ''}`.trimEnd();
}

/** Seconds to play, from `--seconds N` (0: until Ctrl+C); 8 by default. */
function playSeconds(): number {
  const index = process.argv.indexOf('--seconds');
  const value = index >= 0 ? Number(process.argv[index + 1]) : 8;
  if (!Number.isFinite(value) || value < 0) throw new RangeError('--seconds wants a number of seconds, 0 for "until Ctrl+C"');
  return value;
}

function decibels(level: number): string {
  return level > 0 ? `${(20 * Math.log10(level)).toFixed(1)} dBFS` : 'silence';
}

async function play(client: Client, seconds: number): Promise<void> {
  const outputs = [client.outports.register('out_1'), client.outports.register('out_2')];
  client.midiInports.register('midi_in');
  const processor = client.setProcessCallback(new URL('./demo.processor.js', import.meta.url), {
    params: { bpm: 120, peak: 0 },
  });
  await processor.ready;
  client.activate();
  const playbacks = client.getPorts({ isAudio: true, isInput: true, isPhysical: true });
  outputs.forEach((output, index) => { const sink = playbacks[index]; if (sink) output.connect(sink); });
  console.log('\nThe JACK graph now:');
  for (const port of client.getPorts()) console.log(describePort(port, client));
  console.log(`\nPlaying a metronome with an arpeggio at ${processor.params['bpm']} bpm from a TypeScript processor ` +
    `(notes sent to ${client.name}:midi_in play too)${seconds ? ` for ${seconds} s` : '; Ctrl+C stops'}:`);
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    if (seconds) setTimeout(resolve, seconds * 1000);
  });
  const ticker = setInterval(() => {
    const { cycles, late, skipped, longestCallbackMicros } = processor.counters;
    const peak = processor.params['peak']!;
    processor.params['peak'] = 0;
    console.log(`  DSP load ${client.cpuLoad().toFixed(1).padStart(5)} %   cycles ${String(cycles).padStart(6)}   ` +
      `late ${late}   skipped ${skipped}   longest callback ${longestCallbackMicros.toFixed(0)} µs   output peak ${decibels(peak)}`);
  }, 1000);
  await stopped;
  clearInterval(ticker);
  await processor.stop();
}

async function main(): Promise<void> {
  const seconds = playSeconds();
  const { client, server } = await openClient();
  try {
    const library = implementation();
    const serverLabel = library.name === 'pipewire' ? `PipeWire ${library.version} (its JACK library)` : library.name === 'jack2' ? `JACK2 ${library.version}` : 'JACK';
    console.log(`Opened client "${client.name}" on ${serverLabel}, ${client.samplerate} Hz, ${client.blocksize} frames per cycle` +
      `${server ? ' (no sound card: the dummy driver plays into the void; start JACK on your sound card to hear it)' : ''}.`);
    await play(client, seconds);
    client.deactivate();
  } finally {
    client.close();
    await server?.stop();
  }
  console.log('\nClosed the client' + (server ? ' and stopped the private server.' : '.'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
