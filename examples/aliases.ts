// Sets, lists and removes an alias on every port of the server (like the Python module's aliases.py).
import { Client } from 'jack-client';

const client = new Client('TestAlias');
console.log(client.status.serverStarted ? 'JACK server was started' : 'JACK server was already running');
if (client.status.nameNotUnique) console.log(`unique client name generated: ${client.name}`);

const ports = client.getPorts();
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
