import { createHash, randomBytes } from 'node:crypto';
import { linkSync, lstatSync, readFileSync, readlinkSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { UserError } from '../errors.js';

/**
 * One interview per answers file at a time. The lock is `<answers>.lock` next to the REAL file (links
 * resolved), so two names for one file share one lock. It holds the pid, host and start time of its
 * owner, and is never seen half-written: its text is written (and checked) in a temp file first, then
 * hard-linked into place, which fails if a lock exists. A lock whose process is gone (kill -9, a crash,
 * a reboot), or whose pid now belongs to a process started later (pid reuse), is taken over; only the
 * one run that wins a claim named after the stale lock's text may remove it, so two runs can never
 * both take over the same stale lock.
 */
export interface Lock {
  path: string;
  release(): void;
}

/** The commands that take an answers file's lock, named to whoever finds it taken. */
export type LockCommand = 'assess' | 'merge' | 'migrate';

interface Owner {
  pid: number;
  /** The command holding the lock; locks written before it was recorded were all interviews. */
  command: LockCommand;
  host: string;
  started: string;
  /** The kernel's start time of the process (clock ticks since boot), where known. */
  ticks?: string;
  boot?: string;
}

function parseOwner(text: string): Owner | undefined {
  const [pid, host, started, ...rest] = text.split('\n');
  const number = Number(pid);
  if (!(Number.isInteger(number) && number > 0 && host)) return undefined;
  const field = (k: string) => rest.find((l) => l.startsWith(`${k}:`))?.slice(k.length + 1);
  const ticks = field('ticks');
  const boot = field('boot');
  const command = field('command');
  return {
    pid: number,
    host,
    started: started ?? '',
    command: command === 'merge' || command === 'migrate' ? command : 'assess',
    ...(ticks ? { ticks } : {}),
    ...(boot ? { boot } : {}),
  };
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

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** When a process started, in clock ticks since boot (Linux); undefined where it cannot be known. */
export function processTicks(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // Field 22; the command name (field 2) may hold spaces and parentheses, so count from the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function bootId(): string | undefined {
  return readProc('/proc/sys/kernel/random/boot_id')?.trim();
}

/** Milliseconds since the epoch when the system booted (Linux), to date a process's start. */
function bootTimeMs(): number | undefined {
  const match = /^btime (\d+)$/m.exec(readProc('/proc/stat') ?? '');
  return match ? Number(match[1]) * 1000 : undefined;
}

/** Whether the process the lock names is still the one that wrote it. */
function ownerRuns(owner: Owner): boolean {
  const boot = bootId();
  if (owner.boot && boot && owner.boot !== boot) return false;
  if (!isAlive(owner.pid)) return false;
  const ticks = processTicks(owner.pid);
  if (ticks === undefined) return owner.pid !== process.pid;
  if (owner.ticks) return owner.ticks === ticks;
  // A lock of an older format: the process must have started before the lock was written
  // (Linux counts 100 ticks a second on every common architecture).
  const boot0 = bootTimeMs();
  const locked = Date.parse(owner.started);
  if (boot0 === undefined || Number.isNaN(locked)) return true;
  return boot0 + Number(ticks) * 10 <= locked + 2000;
}

function readOwner(path: string): { owner?: Owner; text: string } | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const owner = parseOwner(text);
    return owner ? { owner, text } : { text };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The file a path names, through any links, even when it does not exist yet. */
export function realTarget(path: string, depth = 0): string {
  try {
    return realpathSync(path);
  } catch {
    /* not there (yet) */
  }
  try {
    if (depth < 32 && lstatSync(path).isSymbolicLink()) return realTarget(resolve(dirname(path), readlinkSync(path)), depth + 1);
  } catch {
    /* not a link */
  }
  try {
    return join(realpathSync(dirname(resolve(path))), basename(path));
  } catch {
    return resolve(path);
  }
}

/** The lock of an answers file: next to the real file, whatever name it was opened by. */
export function lockPathFor(answersPath: string): string {
  return `${realTarget(answersPath)}.lock`;
}

/** How long a lock file may stay unreadable (one written by an older itaas, between create and write) before it counts as stale. */
const EMPTY_LOCK_GRACE_MS = 10_000;
/** A takeover claim is held for a few system calls; one older than this was left by a crash. */
const CLAIM_GRACE_MS = 10_000;

function ageMs(path: string, now: Date): number | undefined {
  try {
    return now.getTime() - statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Creates `target` holding `text`, all or nothing, failing with EEXIST if it exists. */
function createExclusive(target: string, text: string): void {
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.new`;
  writeFileAtomicSync(tmp, text, { shownAs: target, mode: 0o644 });
  try {
    linkSync(tmp, target);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* gone */
    }
  }
}

/** Takes the lock of an answers file for `command`, or refuses naming the command that holds it. */
export function acquireLock(answersPath: string, command: LockCommand = 'assess', now: () => Date = () => new Date()): Lock {
  const path = lockPathFor(answersPath);
  const ticks = processTicks(process.pid);
  const boot = bootId();
  const me =
    `${process.pid}\n${hostname()}\n${now().toISOString()}\n` + `${ticks ? `ticks:${ticks}\n` : ''}${boot ? `boot:${boot}\n` : ''}command:${command}\nnonce:${randomBytes(6).toString('hex')}\n`;
  const release = () => {
    try {
      if (readFileSync(path, 'utf8') === me) unlinkSync(path);
    } catch {
      /* already gone */
    }
  };
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      createExclusive(path, me);
      return { path, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const found = readOwner(path);
    if (!found) continue;
    const { owner } = found;
    if (owner) {
      const what = owner.command === 'assess' ? 'finish or quit that interview first' : 'wait for it to finish';
      if (owner.host !== hostname()) {
        throw new UserError(`${answersPath} is in use by itaas ${owner.command} (pid ${owner.pid}) on ${owner.host}; ${what}. ` + `If it is no longer running, delete ${path}.`);
      }
      if (ownerRuns(owner)) {
        throw new UserError(
          `${answersPath} is in use by another itaas ${owner.command} (pid ${owner.pid}, started ${owner.started || 'at an unknown time'}); ` + `${what}. If no such process runs, delete ${path}.`,
        );
      }
    } else {
      const age = ageMs(path, now());
      if (age === undefined) continue;
      if (age < EMPTY_LOCK_GRACE_MS) throw new UserError(`${answersPath} is being opened by another itaas command; try again in a moment`);
    }
    takeOver(path, found.text, me, now());
  }
  throw new UserError(`${answersPath} is in use by another itaas command; try again once it has finished`);
}

/**
 * Removes the stale lock whose text is `stale`, if this run wins the claim on it. The claim is named
 * after that text, so of all the runs that found the same stale lock exactly one removes it; the
 * others see the claim (or, later, a different lock) and go back to creating one, which only one wins.
 */
function takeOver(path: string, stale: string, me: string, now: Date): void {
  const claim = `${path}.takeover-${createHash('sha256').update(stale).digest('hex').slice(0, 16)}`;
  try {
    createExclusive(claim, me);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    if ((ageMs(claim, now) ?? 0) > CLAIM_GRACE_MS) {
      try {
        unlinkSync(claim);
      } catch {
        /* someone else cleared it */
      }
    }
    return;
  }
  try {
    if (readOwner(path)?.text === stale) unlinkSync(path);
  } finally {
    unlinkSync(claim);
  }
}
