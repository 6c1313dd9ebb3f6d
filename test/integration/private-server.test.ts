import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { onPipeWire, uniqueServerName } from '../harness/jack-server.js';
import { eventually } from '../harness/waiting.js';

const LAUNCHER = new URL('../../src/cli/private-server.js', import.meta.url).href;

/** False once the process is gone or a zombie (this container's init may not reap it). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('a private JACK2 server (the demo and the test harness start one)', () => {
  it('ends with the process that started it, even when that process is killed', {
    skip: onPipeWire && 'tests the JACK2 launcher (the PipeWire run starts PipeWire the same way)',
  }, async () => {
    const script = [
      `import { startPrivateServer } from ${JSON.stringify(LAUNCHER)};`,
      `const server = await startPrivateServer({ name: ${JSON.stringify(uniqueServerName())} });`,
      'console.log(server.pid);',
      "process.kill(process.pid, 'SIGKILL');",
    ].join('\n');
    const starter = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    starter.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    starter.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    await once(starter, 'exit');
    assert.equal(starter.signalCode, 'SIGKILL', output);
    const pid = Number(output.trim());
    assert.ok(Number.isInteger(pid) && pid > 0, `the starter printed the server's pid: ${output}`);
    try {
      await eventually(() => !running(pid), `jackd ${pid} ended after the process that started it was killed`);
    } finally {
      if (running(pid)) process.kill(pid, 'SIGTERM');
    }
  });
});
