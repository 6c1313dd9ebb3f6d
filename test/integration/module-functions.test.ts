import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import * as jack from 'jack-client';

import { useJackServer } from '../harness/fixtures.js';
import { onPipeWire } from '../harness/jack-server.js';
import { runPython } from '../harness/peers.js';

const fixture = useJackServer();

describe('module functions', () => {
  it('versionString matches the installed server, version() what libjack reports, implementation() which one', async () => {
    const implementation = jack.implementation();
    if (onPipeWire) {
      const pipewire = execFileSync('pipewire', ['--version']).toString();
      assert.equal(implementation.name, 'pipewire');
      assert.match(pipewire, new RegExp(`libpipewire ${implementation.version.replace(/\./g, '\\.')}\\b`));
      assert.match(jack.versionString(), /using PipeWire/);
      assert.match(implementation.library, /pipewire/);
    } else {
      const jackd = execFileSync('jackd', ['--version']).toString();
      assert.match(jackd, new RegExp(`version ${jack.versionString().replace(/\./g, '\\.')}\\b`));
      assert.deepEqual(implementation, { name: 'jack2', version: jack.versionString(), library: 'libjack.so.0' });
    }
    const python = await runPython('import jack; print(list(jack.version()), jack.version_string())', fixture.server);
    assert.equal(python.trim(), `${JSON.stringify(jack.version()).replace(/,/g, ', ')} ${jack.versionString()}`);
  });

  it('clientNameSize, portNameSize and clientPid agree with the Python module', async () => {
    const client = fixture.client('pidcheck');
    const python = await runPython(
      "import jack; print(jack.client_name_size(), jack.port_name_size(), jack.client_pid('pidcheck'))",
      fixture.server,
    );
    assert.equal(python.trim(), `${jack.clientNameSize()} ${jack.portNameSize()} ${jack.clientPid(client.name)}`);
    assert.throws(() => jack.clientPid(5 as unknown as string), { name: 'TypeError' });
  });

  it('supports() tells which optional libjack functions exist', () => {
    assert.equal(jack.supports('jack_port_rename'), true);
    assert.equal(jack.supports('jack_no_such_function'), false);
  });
});

describe('JACK messages', () => {
  it('setErrorFunction receives libjack errors on the main thread; null restores stderr', {
    skip: onPipeWire && 'PipeWire\'s libjack reports its errors through its own log (PIPEWIRE_DEBUG), never through JACK\'s error function',
  }, async () => {
    const messages: string[] = [];
    jack.setErrorFunction((message) => messages.push(message));
    try {
      assert.throws(() => new jack.Client('ghost', { noStartServer: true, serverName: `${fixture.server.name}-none` }), jack.JackOpenError);
      for (let i = 0; i < 100 && messages.length === 0; i += 1) await sleep(10);
      assert.ok(messages.some((message) => /server/i.test(message)), JSON.stringify(messages));
    } finally {
      jack.setErrorFunction(null);
    }
    const count = messages.length;
    assert.throws(() => new jack.Client('ghost', { noStartServer: true, serverName: `${fixture.server.name}-none` }), jack.JackOpenError);
    await sleep(100);
    assert.equal(messages.length, count, 'the removed function is not called any more');
  });

  it('a child process whose error function is reset prints libjack errors to stderr, like libjack', {
    skip: onPipeWire && 'PipeWire\'s libjack reports its errors through its own log (PIPEWIRE_DEBUG), never through JACK\'s error function',
  }, async () => {
    const script = [
      "import * as jack from 'jack-client';",
      'jack.setErrorFunction(() => {}); jack.setErrorFunction(null);',
      "try { new jack.Client('ghost', { noStartServer: true, serverName: 'jctest-nowhere' }); } catch {}",
      'setTimeout(() => {}, 100);',
    ].join('\n');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: new URL('../../..', import.meta.url), encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Cannot connect to server socket/);
  });

  it('setInfoFunction and setErrorFunction reject what is not a function', () => {
    assert.throws(() => jack.setInfoFunction(42 as unknown as (message: string) => void),
      { name: 'TypeError', message: 'callback must be a function, got number 42' });
    assert.throws(() => jack.setErrorFunction('x' as unknown as (message: string) => void), { name: 'TypeError' });
    jack.setInfoFunction((message) => assert.equal(typeof message, 'string'));
    jack.setInfoFunction(null);
  });
});
