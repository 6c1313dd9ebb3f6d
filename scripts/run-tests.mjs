// Runs the compiled test suite with Node's test runner: unit tests, then the integration tests
// against private JACK servers that each test file starts and stops itself.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
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

const roots = process.argv.slice(2);
const directories = roots.length ? roots : ['dist/test/unit', 'dist/test/integration'];
const files = directories.flatMap(testFiles);
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
