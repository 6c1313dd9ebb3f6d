// Sets, lists and removes an alias on every port of the server that has room for one (like the
// Python module's aliases.py).
import { Client, implementation } from 'jack-client';

const client = new Client('TestAlias');
client.inports.register('input');
console.log(client.status.serverStarted ? 'JACK server was started' : 'JACK server was already running');
if (client.status.nameNotUnique) console.log(`unique client name generated: ${client.name}`);

// A port has room for two aliases; PipeWire's JACK gives device ports two of its own, and sets
// aliases only on a client's own ports.
const onPipeWire = implementation().name === 'pipewire';
const ports = client.getPorts().filter((port) => {
  if (onPipeWire && !client.owns(port)) {
    console.log(`port '${port.name}' belongs to another client: skipped (PipeWire)`);
    return false;
  }
  if (port.aliases.length < 2) return true;
  console.log(`port '${port.name}' has two aliases already: skipped`);
  return false;
});
const aliasOf = (index: number) => `Alias Name ${index}`;
const listAliases = () => {
  for (const port of ports) port.aliases.forEach((alias, index) => console.log(`port '${port.shortname}', alias ${index} => '${alias}'`));
};

console.log('Testing setAlias() ...');
ports.forEach((port, index) => {
  console.log(`port '${port.shortname}' => setAlias('${aliasOf(index)}')`);
  port.setAlias(aliasOf(index));
});
console.log('Testing aliases property ...');
listAliases();
console.log('Testing unsetAlias() ...');
ports.forEach((port, index) => {
  console.log(`port '${port.shortname}' => unsetAlias('${aliasOf(index)}')`);
  port.unsetAlias(aliasOf(index));
});
console.log('Testing aliases property ...');
listAliases();
client.close();
