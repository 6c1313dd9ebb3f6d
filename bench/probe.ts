// Builds and runs bench/probe.c, the C instrument that times the client under test (see its header).
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ProbeFigures {
  cycles: number;
  medianUs: number;
  p99Us: number;
  maxUs: number;
  xruns: number;
  dspLoadAvg: number;
  dspLoadMax: number;
  latencyFrames: number;
  latencyMismatches: number;
}

const SOURCE = fileURLToPath(new URL('../../bench/probe.c', import.meta.url));
// Beside the compiled bench scripts: node-gyp empties build/ when it rebuilds the addon.
const BINARY = fileURLToPath(new URL('./probe', import.meta.url));

/** Compiles the probe when it is missing or older than its source; returns its path. */
export function buildProbe(): string {
  if (!existsSync(BINARY) || statSync(BINARY).mtimeMs < statSync(SOURCE).mtimeMs) {
    // libjack.so.0 is named directly: Debian's jackd2 has no unversioned libjack.so without the -dev package.
    execFileSync('cc', ['-O2', '-Wall', '-o', BINARY, SOURCE, '-l:libjack.so.0', '-lpthread'], { stdio: 'inherit' });
  }
  return BINARY;
}

/** Runs the probe around the ports `<inPrefix>1..2` / `<outPrefix>1..2` ("-" for none). */
export function runProbe(env: NodeJS.ProcessEnv, prefix: string, inPrefix: string, outPrefix: string, seconds: number): Promise<ProbeFigures> {
  return new Promise((resolve, reject) => {
    execFile(BINARY, [prefix, inPrefix, outPrefix, String(seconds)], { env, timeout: (seconds + 30) * 1000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`probe failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as ProbeFigures);
    });
  });
}
