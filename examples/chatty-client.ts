// A client that registers every notification callback and prints what JACK tells it (like the
// Python module's chatty_client.py). Usage: node chatty-client.js [--seconds N]; without
// --seconds it runs until Return (or Ctrl+C).
import { createInterface } from 'node:readline';

import * as jack from 'jack-client';

import { runUntilStopped } from './run-until.js';

jack.setErrorFunction((message) => console.log(`Error: ${message}`));
jack.setInfoFunction((message) => console.log(`Info: ${message}`));

const client = new jack.Client('Chatty-Client');
console.log(client.status.serverStarted ? 'JACK server was started' : 'JACK server was already running');
if (client.status.nameNotUnique) console.log(`unique client name generated: ${client.name}`);

client.setShutdownCallback((status, reason) => {
  console.log(`JACK shutdown! status: ${status}, reason: ${reason}`);
  process.exit(1);
});
client.setFreewheelCallback((starting) => console.log(`${starting ? 'starting' : 'stopping'} freewheel mode`));
client.setBlocksizeCallback((blocksize) => console.log(`setting blocksize to ${blocksize}`));
client.setSamplerateCallback((samplerate) => console.log(`setting samplerate to ${samplerate}`));
client.setClientRegistrationCallback((name, register) => {
  console.log(`client ${JSON.stringify(name)} ${register ? 'registered' : 'unregistered'}`);
});
client.setPortRegistrationCallback((port, register) => {
  console.log(`${port?.toString() ?? 'a port'} ${register ? 'registered' : 'unregistered'}`);
});
client.setPortConnectCallback((a, b, connect) => console.log(`${connect ? 'connected' : 'disconnected'} ${a} and ${b}`));
client.setPortRenameCallback((port, oldName, newName) => {
  console.log(`renamed ${port} from ${JSON.stringify(oldName)} to ${JSON.stringify(newName)}`);
});
client.setGraphOrderCallback(() => console.log('graph order changed'));
client.setXrunCallback((delay) => console.log(`xrun; delay ${delay} microseconds`));
client.setPropertyChangeCallback((subject, key, change) => {
  if (key === '') {
    console.log(`subject ${subject}: all properties were removed`);
    return;
  }
  const what = { [jack.PROPERTY_CREATED]: 'created', [jack.PROPERTY_CHANGED]: 'changed', [jack.PROPERTY_DELETED]: 'removed' }[change];
  console.log(`subject ${subject}: property ${JSON.stringify(key)} was ${what}`);
});

client.activate();
console.log('#'.repeat(80));
console.log(process.argv.includes('--seconds') ? 'running for the given seconds' : 'press Return to quit');
console.log('#'.repeat(80));
if (process.argv.includes('--seconds')) {
  await runUntilStopped();
} else {
  const input = createInterface({ input: process.stdin });
  await Promise.race([new Promise((resolve) => input.once('line', resolve)), runUntilStopped()]);
  input.close();
}
console.log('closing JACK');
client.close();
