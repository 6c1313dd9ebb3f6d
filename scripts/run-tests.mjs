// Runs the compiled test suite with Node's test runner: unit tests, then the integration tests
// against private JACK2 servers that each test file starts and stops itself, then the integration
// tests again against private headless PipeWire servers, through PipeWire's libjack.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(directory) {
  let files = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) files = files.concat(testFiles(path));
    else if (entry.endsWith('.test.js')) files.push(path);
  }
  return files.sort();
}

function pipewireLibjack() {
  for (const root of ['/usr/lib', '/usr/lib64', '/usr/local/lib']) {
    if (!existsSync(root)) continue;
    for (const directory of [root, ...readdirSync(root).map((entry) => join(root, entry))]) {
      const candidate = join(directory, 'pipewire-0.3', 'jack', 'libjack.so.0');
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

function run(label, files, env = process.env) {
  console.log(`\n# ${label}\n`);
  return spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env }).status ?? 1;
}

const roots = process.argv.slice(2);
if (roots.length) process.exit(run(roots.join(' '), roots.flatMap(testFiles)));

const jack2 = run('JACK2 (jackd, dummy driver)', [...testFiles('dist/test/unit'), ...testFiles('dist/test/integration')]);
const libjack = pipewireLibjack();
if (libjack === null) {
  console.error('run-tests: PipeWire\'s libjack is not installed (apt-get install pipewire pipewire-jack wireplumber dbus-daemon)');
  process.exit(1);
}
const pipewire = run('PipeWire (headless, through its libjack)', testFiles('dist/test/integration'), {
  ...process.env,
  JACK_CLIENT_TEST_SERVER: 'pipewire',
  JACK_CLIENT_LIBJACK: libjack,
});
console.log(`\n# JACK2: ${jack2 === 0 ? 'passed' : 'FAILED'}; PipeWire: ${pipewire === 0 ? 'passed' : 'FAILED'}`);
process.exit(jack2 === 0 && pipewire === 0 ? 0 : 1);
