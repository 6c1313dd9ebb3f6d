import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

// Runs a script in a process whose libjack path names nothing, as on a machine without JACK.
function withoutJack(script: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: new URL('../../..', import.meta.url),
    env: { ...process.env, JACK_CLIENT_LIBJACK: '/nonexistent/libjack.so.0' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('loading without JACK', () => {
  it('imports, and opening a client throws a JackError that says what to install', () => {
    const result = withoutJack([
      "import * as jack from 'jack-client';",
      "console.log(typeof jack.Client, jack.supports('jack_client_open'));",
      "try { new jack.Client('x'); } catch (error) { console.log(error.name, error instanceof jack.JackError, error.message); }",
      'try { jack.versionString(); } catch (error) { console.log(error.name); }',
    ].join('\n'));
    assert.equal(result.status, 0, result.stderr);
    const [imported, opened, version] = result.stdout.trim().split('\n');
    assert.equal(imported, 'function false');
    assert.match(opened ?? '', /^JackError true cannot load the JACK library "\/nonexistent\/libjack\.so\.0": .*apt-get install libjack-jackd2-0/);
    assert.match(opened ?? '', /JACK_CLIENT_LIBJACK/);
    assert.equal(version, 'JackError');
  });

  it('a library that is not libjack is refused by name', () => {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e',
      "import * as jack from 'jack-client'; try { new jack.Client('x'); } catch (error) { console.log(error.message); }"], {
      cwd: new URL('../../..', import.meta.url),
      env: { ...process.env, JACK_CLIENT_LIBJACK: 'libm.so.6' },
      encoding: 'utf8',
    });
    assert.match(result.stdout, /libm\.so\.6 has no jack_client_open: it is not a JACK client library/);
  });
});
