// Queries or changes the JACK transport (like the Python module's transporter.py).
// Usage: node transporter.js [-c NAME] [query|rewind|start|status|stop|toggle]
// status and query exit with 1 when the transport is stopped.
import * as jack from 'jack-client';

const COMMANDS = ['query', 'rewind', 'start', 'status', 'stop', 'toggle'];
const args = process.argv.slice(2);
const nameIndex = args.indexOf('-c');
const name = nameIndex >= 0 ? args.splice(nameIndex, 2)[1] ?? 'transporter' : 'transporter';
const command = args[0] ?? 'status';
if (!COMMANDS.includes(command)) {
  console.error(`usage: transporter [-c NAME] [${COMMANDS.join('|')}]`);
  process.exit(2);
}

const client = new jack.Client(name);
client.activate();  // PipeWire's JACK reads and moves the transport only for active clients
const state = client.transportState;
const stopped = state.equals(jack.STOPPED);
let result = 0;
switch (command) {
  case 'status':
    console.log(`JACK transport state is ${state}.`);
    result = stopped ? 1 : 0;
    break;
  case 'query': {
    console.log(`State: ${state}`);
    const [, position] = client.transportQuery();
    for (const field of Object.keys(position).sort()) {
      const label = field.replace(/([A-Z])/g, ' $1').replace(/^./, (first) => first.toUpperCase());
      console.log(`${label}: ${position[field as keyof typeof position]}`);
    }
    result = stopped ? 1 : 0;
    break;
  }
  case 'start':
    if (stopped) client.transportStart();
    break;
  case 'stop':
    if (!stopped) client.transportStop();
    break;
  case 'toggle':
    if (stopped) client.transportStart();
    else client.transportStop();
    break;
  case 'rewind':
    client.transportFrame = 0;
    break;
}
client.close();
process.exit(result);
