#!/usr/bin/env node
// The README's demo: opens a client on the running JACK server (or on a private dummy-driver
// server it starts when none runs), registers ports, connects them and prints the graph.
import { Client, JackOpenError, setErrorFunction, type Port } from '../index.js';
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

async function main(): Promise<void> {
  const { client, server } = await openClient();
  try {
    console.log(`Opened client "${client.name}" on JACK ${client.samplerate} Hz, ${client.blocksize} frames per cycle.`);
    const inputs = [client.inports.register('in_1'), client.inports.register('in_2')];
    const outputs = [client.outports.register('out_1'), client.outports.register('out_2')];
    client.midiInports.register('midi_in');
    client.activate();
    const captures = client.getPorts({ isAudio: true, isOutput: true, isPhysical: true });
    const playbacks = client.getPorts({ isAudio: true, isInput: true, isPhysical: true });
    inputs.forEach((input, index) => { const source = captures[index]; if (source) client.connect(source, input); });
    outputs.forEach((output, index) => { const sink = playbacks[index]; if (sink) output.connect(sink); });
    console.log('\nThe JACK graph now:');
    for (const port of client.getPorts()) console.log(describePort(port, client));
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
