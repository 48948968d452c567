import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { UserError } from '../load/problems.js';

/**
 * One interview per answers file at a time: `<answers>.lock` is created with O_EXCL and holds the pid
 * and host of its owner. A lock whose process is gone (kill -9, a crash, a reboot) is taken over.
 */
export interface Lock {
  path: string;
  release(): void;
}

interface Owner {
  pid: number;
  host: string;
  started: string;
}

function parseOwner(text: string): Owner | undefined {
  const [pid, host, started] = text.split('\n');
  const n = Number(pid);
  return Number.isInteger(n) && n > 0 && host ? { pid: n, host, started: started ?? '' } : undefined;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): { owner?: Owner; text: string } | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    return { owner: parseOwner(text), text };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** How long a lock file may stay empty (its owner between create and write) before it counts as stale. */
const EMPTY_LOCK_GRACE_MS = 10_000;

export function acquireLock(answersPath: string, now: () => Date = () => new Date()): Lock {
  const path = `${answersPath}.lock`;
  const me = `${process.pid}\n${hostname()}\n${now().toISOString()}\n`;
  const release = () => {
    try {
      if (readFileSync(path, 'utf8') === me) unlinkSync(path);
    } catch {
      /* already gone */
    }
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, me);
      } finally {
        closeSync(fd);
      }
      return { path, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const found = readOwner(path);
    if (!found) continue;
    const { owner } = found;
    if (owner) {
      if (owner.host !== hostname()) {
        throw new UserError(
          `${answersPath} is in use by itaas assess (pid ${owner.pid}) on ${owner.host}; finish or quit that interview first. ` +
            `If it is no longer running, delete ${path}.`,
        );
      }
      if (owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new UserError(
          `${answersPath} is in use by another itaas assess (pid ${owner.pid}, started ${owner.started || 'at an unknown time'}); ` +
            `finish or quit that interview first. If no such process runs, delete ${path}.`,
        );
      }
    } else {
      let age = Infinity;
      try {
        age = now().getTime() - statSync(path).mtimeMs;
      } catch {
        continue;
      }
      if (age < EMPTY_LOCK_GRACE_MS) throw new UserError(`${answersPath} is being opened by another itaas assess; try again in a moment`);
    }
    // The owner is gone: replace its lock in one rename, then check that the lock is really ours (two
    // runs taking over at once: the later rename wins and the other one backs off on the next round).
    const tmp = `${path}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w', 0o644);
    try {
      writeSync(fd, me);
    } finally {
      closeSync(fd);
    }
    if (readOwner(path)?.text !== found.text) {
      unlinkSync(tmp);
      continue;
    }
    renameSync(tmp, path);
    if (readOwner(path)?.text === me) return { path, release };
  }
  throw new UserError(`${answersPath} is in use by another itaas assess; try again once it has finished`);
}
