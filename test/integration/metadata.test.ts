import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import * as jack from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { onPipeWire } from '../harness/jack-server.js';
import { eventually } from '../harness/waiting.js';
import { runPeer, runPython } from '../harness/peers.js';

const fixture = useJackServer();

const KEY = 'http://example.org/jack-client/test';

async function jackProperty(...args: string[]): Promise<string> {
  return (await runPeer('jack_property', args, fixture.server)).stdout;
}

describe('metadata', () => {
  it('sets properties that jack_property lists, and reads what jack_property set', async (t) => {
    const client = fixture.client('meta');
    const port = client.outports.register('out');
    client.setProperty(client, jack.METADATA_PRETTY_NAME, 'Meta Client');
    client.setProperty(port, KEY, '42', 'http://www.w3.org/2001/XMLSchema#int');
    assert.match(await jackProperty('-l', client.uuid), /key: http:\/\/jackaudio.org\/metadata\/pretty-name value: Meta Client/);
    const listed = await jackProperty('--port', '-l', port.name);
    assert.match(listed, new RegExp(`key: ${KEY} value: 42`));
    assert.match(listed, /XMLSchema#int/, `the type is listed: ${listed}`);

    // Observed on PipeWire 0.3.65: a property that another process sets on this client reaches
    // this client's view only sometimes (jack_property -l lists it every time), so there the
    // reading side is checked with the Python module's writes (next tests) only.
    if (onPipeWire) {
      t.diagnostic('PipeWire: reading what jack_property set is not checked (it reaches this client only sometimes)');
      return;
    }
    await jackProperty('-s', client.uuid, KEY, 'from jack_property', 'text/plain');
    const property = jack.getProperty(client.uuid, KEY);
    assert.ok(property !== null);
    assert.equal(property.value.toString(), 'from jack_property');
    assert.equal(property.type, 'text/plain');
    await jackProperty('--client', '-s', 'meta', jack.METADATA_ICON_NAME, 'audio-card');
    assert.equal(jack.getProperty(client, jack.METADATA_ICON_NAME)?.value.toString(), 'audio-card');
  });

  it('lists properties per subject and for all subjects, as the Python module does', async () => {
    const client = fixture.client('lister');
    const port = client.inports.register('in');
    client.setProperty(port.uuid, jack.METADATA_ORDER, '3', 'http://www.w3.org/2001/XMLSchema#integer');
    client.setProperty(BigInt(port.uuid), jack.METADATA_SIGNAL_TYPE, 'CV');
    const ours = jack.getProperties(port);
    assert.deepEqual(Object.keys(ours).sort(), [jack.METADATA_ORDER, jack.METADATA_SIGNAL_TYPE]);
    assert.equal(ours[jack.METADATA_SIGNAL_TYPE]!.value.toString(), 'CV');
    assert.equal(ours[jack.METADATA_SIGNAL_TYPE]!.type, '');
    const all = jack.getAllProperties();
    assert.equal(all[port.uuid]?.[jack.METADATA_ORDER]?.value.toString(), '3');
    const python = await runPython([
      'import jack',
      "c = jack.Client('py_meta', no_start_server=True)",
      `props = jack.get_properties(${port.uuid})`,
      `print(props['${jack.METADATA_ORDER}'][0].decode(), props['${jack.METADATA_SIGNAL_TYPE}'][0].decode(), ${port.uuid} in jack.get_all_properties())`,
    ].join('\n'), fixture.server);
    assert.equal(python.trim(), '3 CV True');
  });

  it('stores byte values and reads what the Python module stored', async () => {
    const client = fixture.client('bytes');
    client.setProperty(client, KEY, new Uint8Array([0xc3, 0xa9, 0x41]), 'application/octet-stream');
    assert.deepEqual([...jack.getProperty(client, KEY)!.value], [0xc3, 0xa9, 0x41]);
    await runPython([
      'import jack',
      "c = jack.Client('py_writer', no_start_server=True)",
      `c.set_property(${client.uuid}, '${KEY}/py', b'\\x01\\x02', 'application/x-test')`,
    ].join('\n'), fixture.server);
    await eventually(() => jack.getProperty(client, `${KEY}/py`) !== null, 'the Python module\'s property');
    const written = jack.getProperty(client, `${KEY}/py`);
    assert.deepEqual([...written!.value], [1, 2]);
    assert.equal(written!.type, 'application/x-test');
  });

  it('removes one, all of a subject, and all properties; jack_property sees them gone', {
    skip: onPipeWire && 'observed on PipeWire 0.3.65: a removed property stays in the view of the client that removed it',
  }, async () => {
    const client = fixture.client('remover');
    const port = client.outports.register('out');
    client.setProperty(client, `${KEY}/a`, 'a');
    client.setProperty(client, `${KEY}/b`, 'b');
    client.setProperty(port, `${KEY}/c`, 'c');
    // PipeWire applies changes asynchronously: what this client reads back comes a moment later.
    await eventually(() => Object.keys(jack.getProperties(client)).length === 2, 'both properties');
    client.removeProperty(client, `${KEY}/a`);
    await eventually(() => jack.getProperty(client, `${KEY}/a`) === null, 'the removal');
    if (!onPipeWire) {
      assert.throws(() => client.removeProperty(client, `${KEY}/a`), { name: 'JackError', message: /has no such property/ });
    }
    assert.equal(client.removeProperties(client), 1);
    await eventually(() => Object.keys(jack.getProperties(client)).length === 0, 'the removal of the rest');
    client.removeAllProperties();
    await eventually(() => Object.keys(jack.getAllProperties()).length === 0, 'the removal of all');
    assert.doesNotMatch(await jackProperty('-l'), new RegExp(KEY));
  });

  it('rejects bad subjects, keys and values with clear errors', () => {
    const client = fixture.client('meta_bad');
    assert.throws(() => client.setProperty('-5', KEY, 'x'), { name: 'RangeError', message: /subject must be a decimal 64-bit JACK UUID, got "-5"/ });
    assert.throws(() => client.setProperty('0', KEY, 'x'), { name: 'RangeError', message: /empty UUID/ });
    assert.throws(() => client.setProperty(client, '', 'x'), { name: 'RangeError', message: /key must not be empty/ });
    assert.throws(() => client.setProperty(client, KEY, 'a\0b'), { name: 'RangeError', message: /NUL byte/ });
    assert.throws(() => client.setProperty(client, KEY, 5 as never), { name: 'TypeError', message: /value must be a string or a Uint8Array/ });
    assert.throws(() => jack.getProperty({} as never, KEY), { name: 'TypeError', message: /subject must be a UUID, a Client or a Port/ });
    client.close();
    assert.throws(() => client.setProperty('1', KEY, 'x'), { name: 'JackError', message: /client "meta_bad" is closed/ });
    assert.throws(() => jack.getProperty(client, KEY), { name: 'JackError', message: /client "meta_bad" is closed/ });
  });
});
