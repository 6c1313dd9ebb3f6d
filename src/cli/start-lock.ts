// A lock across processes around starting a JACK2 server: two servers starting at the same moment
// race in JACK2's shared registry, and a client opened right then fails (status 0x21).
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCK = join(tmpdir(), 'jack-client-server-start.lock');
const GIVE_UP_MS = 30_000;

function holderIsAlive(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(LOCK, 'utf8'));
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function acquire(): Promise<boolean> {
  const until = Date.now() + GIVE_UP_MS;
  while (Date.now() < until) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      if (!holderIsAlive()) {
        try {
          unlinkSync(LOCK);
        } catch {
          // another process took it over first
        }
        continue;
      }
      await sleep(50);
    }
  }
  return false;  // a stuck holder: go on without the lock rather than hang
}

function release(): void {
  try {
    if (readFileSync(LOCK, 'utf8') === String(process.pid)) unlinkSync(LOCK);
  } catch {
    // already gone
  }
}

/** Runs `start` while no other process using this library starts a server. */
export async function withStartLock<T>(start: () => Promise<T>): Promise<T> {
  const locked = await acquire();
  try {
    return await start();
  } finally {
    if (locked) release();
  }
}
