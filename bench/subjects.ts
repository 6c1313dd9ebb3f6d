// The clients the benchmark compares, each started as its own process so that its CPU time can be read.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface Subject {
  /** Row label in the results. */
  label: string;
  /** Client name; its ports are <name>:input_1..2 and <name>:output_1..2. */
  name: string;
  start(env: NodeJS.ProcessEnv): Promise<ChildProcess>;
}

const PYTHON = '/usr/bin/python3';
const TS_THRU = fileURLToPath(new URL('./ts-thru.js', import.meta.url));
const PYTHON_THRU = fileURLToPath(new URL('../../bench/python-thru.py', import.meta.url));

async function waitForLine(child: ChildProcess, line: string): Promise<void> {
  let seen = '';
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.split('\n').includes(line)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${child.spawnfile} exited (${code}) before it was ready: ${errors}`)));
  });
}

/** jack_thru prints nothing when ready: wait until its ports exist, then a little longer. */
async function waitForPorts(env: NodeJS.ProcessEnv, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const lsp = spawn('jack_lsp', [], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    lsp.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    await once(lsp, 'exit');
    if (out.includes(`${name}:output_2`)) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not register its ports`);
}

export const SUBJECTS: Subject[] = [
  {
    label: 'C `jack_thru`',
    name: 'jack_thru',
    async start(env) {
      const child = spawn('jack_thru', [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      await waitForPorts(env, 'jack_thru');
      return child;
    },
  },
  typeScriptSubject('jack-client (TypeScript)', []),
  {
    label: 'Python `jack` module',
    name: 'py_thru',
    async start(env) {
      const child = spawn(PYTHON, [PYTHON_THRU, 'py_thru'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      await waitForLine(child, 'ready');
      return child;
    },
  },
];

/** The TypeScript thru client with ts-thru.js's flags (--pin, --no-spin, --deadline=F). */
export function typeScriptSubject(label: string, flags: string[]): Subject {
  return {
    label,
    name: 'ts_thru',
    async start(env) {
      const child = spawn(process.execPath, [TS_THRU, 'ts_thru', ...flags], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      await waitForLine(child, 'ready');
      return child;
    },
  };
}

/** What ts-thru.js printed on SIGTERM: its processor's counters. */
export async function typeScriptCounters(child: ChildProcess): Promise<{ late: number; skipped: number }> {
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
  await stopSubject(child);
  const line = errors.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(line) as { late: number; skipped: number };
}

export async function stopSubject(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
