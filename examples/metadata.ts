// Sets, reads and removes metadata of a client and a port (like the Python module's metadata.py).
import { inspect } from 'node:util';

import * as jack from 'jack-client';

const client = new jack.Client('Metadata-Client');
const port = client.inports.register('input');

client.setProperty(client, jack.METADATA_PRETTY_NAME, 'Best Client Ever');
console.log('Client "pretty" name:', jack.getProperty(client, jack.METADATA_PRETTY_NAME)?.value.toString());

client.setProperty(port, jack.METADATA_PRETTY_NAME, new TextEncoder().encode('a good port'), 'text/plain');
console.log('Port "pretty" name:', jack.getProperty(port, jack.METADATA_PRETTY_NAME)?.value.toString());

const show = (value: unknown) => console.log(inspect(value, { depth: null }));
console.log('All client properties:');
show(jack.getProperties(client));
console.log('All port properties:');
show(jack.getProperties(port));
console.log('All properties:');
show(jack.getAllProperties());

client.removeProperty(port, jack.METADATA_PRETTY_NAME);
client.removeProperties(client);
client.removeAllProperties();
client.close();
