// Runs programs others wrote (JACK's example clients, the Python module) against a test server.
import { execFile } from 'node:child_process';

export interface PeerResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PeerTarget {
  readonly env: NodeJS.ProcessEnv;
}

/** The Python interpreter that has Debian's python3-jack-client. */
export const PYTHON = '/usr/bin/python3';

export async function runPeer(
  command: string,
  args: string[],
  target: PeerTarget,
  options: { allowFailure?: boolean; timeoutMs?: number; input?: string } = {},
): Promise<PeerResult> {
  // JACK2 keeps one shared-memory registry for all servers: while another test file's server
  // starts or stops, a client opening on ours can fail ("Init not done for -1", status 0x21).
  // That is JACK's race, not the test's subject: try such a peer again.
  for (let attempt = 1; ; attempt++) {
    const result = await runOnce(command, args, target, options);
    const registryRace = result.code !== 0 && /Init not done for -1/.test(result.stderr);
    if (registryRace && attempt < 3) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      continue;
    }
    if (result.code !== 0 && !options.allowFailure) {
      throw new Error(`${command} ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
    }
    return result;
  }
}

function runOnce(
  command: string,
  args: string[],
  target: PeerTarget,
  options: { timeoutMs?: number; input?: string },
): Promise<PeerResult> {
  return new Promise((resolve) => {
    const child = execFile(
      command,
      args,
      { env: target.env, timeout: options.timeoutMs ?? 20000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Runs a Python script with the jack module against the target's server; returns its stdout. */
export async function runPython(script: string, target: PeerTarget): Promise<string> {
  const result = await runPeer(PYTHON, ['-c', script], target);
  return result.stdout;
}

/** `jack_lsp` output as a map from each port to the indented lines under it. */
export async function listPorts(
  target: PeerTarget & { name: string },
  flags: string[] = [],
): Promise<Map<string, string[]>> {
  const { stdout } = await runPeer('jack_lsp', ['-s', target.name, ...flags], target);
  const ports = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    if (/^\s/.test(line)) current?.push(line.trim());
    else {
      current = [];
      ports.set(line, current);
    }
  }
  return ports;
}
