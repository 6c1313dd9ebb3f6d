// Makes a fresh checkout runnable: system packages (JACK, and for the tests the Python module used
// as a peer), npm packages, the native addon and the TypeScript build. Each step runs only when
// needed. As root it installs Debian packages with apt-get; otherwise it prints the command to run.
//   node scripts/bootstrap.mjs                    what the demo needs
//   node scripts/bootstrap.mjs --with-test-peers  what the test suite needs
//   node scripts/bootstrap.mjs --build-only       npm packages and build only
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const flags = new Set(process.argv.slice(2));

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`bootstrap: \`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function missingDebianPackages() {
  const wanted = [];
  if (!hasCommand('jackd') || !hasCommand('jack_lsp')) wanted.push('jackd2');
  if (flags.has('--with-test-peers')) {
    const python = spawnSync('/usr/bin/python3', ['-c', 'import jack'], { stdio: 'ignore' });
    if (python.status !== 0) wanted.push('python3-jack-client');
    // The suite runs a second time against a private, headless PipeWire.
    if (!hasCommand('pipewire')) wanted.push('pipewire', 'libspa-0.2-modules');
    if (!hasCommand('pw-jack')) wanted.push('pipewire-jack');
    if (!hasCommand('wireplumber')) wanted.push('wireplumber');
    if (!hasCommand('dbus-daemon')) wanted.push('dbus-daemon');
  }
  if (!hasCommand('make') || !hasCommand('g++')) wanted.push('make', 'g++');
  return wanted;
}

function installDebianPackages() {
  const wanted = missingDebianPackages();
  if (wanted.length === 0) return;
  const command = `apt-get install -y --no-install-recommends ${wanted.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`bootstrap: missing Debian packages: ${wanted.join(', ')}. Install them with:\n\n  sudo apt-get update && sudo ${command}\n`);
    process.exit(1);
  }
  console.log(`bootstrap: installing ${wanted.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...wanted], { env });
}

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

function installNpmPackages() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(join(root, 'package.json')).mtimeMs) return;
  console.log('bootstrap: installing npm packages');
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts']);
}

function buildNative() {
  const addon = join(root, 'build', 'Release', 'jack_client.node');
  const sources = Math.max(newestChange(join(root, 'native')), statSync(join(root, 'binding.gyp')).mtimeMs);
  if (existsSync(addon) && statSync(addon).mtimeMs >= sources) return;
  console.log('bootstrap: building the native addon');
  run('npm', ['run', '--silent', 'build:native'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

function buildTypeScript() {
  run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')]);
}

if (!flags.has('--build-only')) installDebianPackages();
installNpmPackages();
buildNative();
buildTypeScript();

