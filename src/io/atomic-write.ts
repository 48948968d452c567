import { closeSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

/**
 * The one way itaas replaces a file: write a temp file next to it, check that every byte was written
 * (one write() call may write less than asked on a nearly full disk; a library that trusts it renames a cut-off file into place),
 * fsync, rename over the target, fsync the folder. On any failure the temp file is removed, the
 * previous file is left exactly as it was, and the error names the file and what to do.
 *
 * A symbolic link at the target is replaced by the new file, never written through: rename(2) acts on
 * the link itself, and the temp file is created with O_EXCL, which refuses to follow a link. A caller
 * that means to update the file a link points to (an answers file opened through an alias) resolves
 * the real path first.
 */

export interface AtomicWriteOptions {
  /** Permission bits for a new file; an existing regular file keeps its own. */
  mode?: number;
  /** How the file is named in an error (the path as the user typed it). */
  shownAs?: string;
  /**
   * false: leave the folder's sync (which makes the rename durable) to the caller, who writes several
   * files into one folder and syncs it once with syncFolderSync before saying they are written.
   */
  syncFolder?: boolean;
}

/** This process's part of a temp file's name: its pid, a random tag and a count. */
const tempTag = `${process.pid}.${randomBytes(4).toString('hex')}`;
let tempCount = 0;

function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${tempTag}.${(tempCount++).toString(36)}.tmp`);
}

function modeFor(target: string, mode: number | undefined): number {
  try {
    const st = lstatSync(target);
    if (st.isFile()) return st.mode & 0o7777;
  } catch {
    /* a new file */
  }
  return mode ?? 0o666;
}

/** A failed write as a user error: exit 2 with the file and the remedy, never a stack trace. */
export function writeFailure(target: string, e: unknown): Error {
  const err = e as NodeJS.ErrnoException;
  const kept = 'Nothing was written; any previous version of the file is unchanged.';
  switch (err?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`cannot write ${target}: no space left on the device (disk or quota full). ${kept} Free some space and run again.`);
    case 'EFBIG':
      return new UserError(`cannot write ${target}: the file is larger than the file system allows. ${kept}`);
    case 'EACCES':
    case 'EPERM':
      return new UserError(`cannot write ${target}: permission denied. ${kept} Choose a folder you may write to.`);
    case 'EROFS':
      return new UserError(`cannot write ${target}: the file system is read-only. ${kept}`);
    case 'EISDIR':
      return new UserError(`cannot write ${target}: it is a folder; name a file instead.`);
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserError(`cannot write ${target}: its folder does not exist. Create it first.`);
    case 'EIO':
      return new UserError(`cannot write ${target}: input/output error from the device. ${kept}`);
    default:
      return err instanceof Error ? err : new Error(String(e));
  }
}

/** Makes the renames into `dir` durable (see AtomicWriteOptions.syncFolder). */
export function syncFolderSync(dir: string): void {
  // Makes the rename durable. Not every platform can open a folder; there it is as durable as it gets.
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}

function toBuffer(data: string | Uint8Array): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

function shortWrite(tmp: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${tmp}'`), { code: 'ENOSPC' });
}

/** Replaces `target` with `data`, all of it or nothing; throws a UserError (exit 2) on failure. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): void {
  const buf = toBuffer(data);
  const tmp = tempPath(target);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(tmp, 'wx', modeFor(target, opts.mode));
    created = true;
    let off = 0;
    while (off < buf.length) {
      const written = writeSync(fd, buf, off, buf.length - off);
      if (written <= 0) throw shortWrite(tmp);
      off += written;
    }
    fsyncSync(fd);
    if (fstatSync(fd).size !== buf.length) throw shortWrite(tmp);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
    created = false;
    if (opts.syncFolder !== false) syncFolderSync(dirname(target));
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    }
    throw writeFailure(opts.shownAs ?? target, e);
  }
}

/** The same as writeFileAtomicSync, without blocking the event loop. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const buf = toBuffer(data);
  const tmp = tempPath(target);
  let handle: import('node:fs/promises').FileHandle | undefined;
  let created = false;
  try {
    handle = await open(tmp, 'wx', modeFor(target, opts.mode));
    created = true;
    let off = 0;
    while (off < buf.length) {
      const { bytesWritten } = await handle.write(buf, off, buf.length - off);
      if (bytesWritten <= 0) throw shortWrite(tmp);
      off += bytesWritten;
    }
    await handle.sync();
    if ((await handle.stat()).size !== buf.length) throw shortWrite(tmp);
    await handle.close();
    handle = undefined;
    await rename(tmp, target);
    created = false;
    syncFolderSync(dirname(target));
  } catch (e) {
    await handle?.close().catch(() => undefined);
    if (created) await unlink(tmp).catch(() => undefined);
    throw writeFailure(opts.shownAs ?? target, e);
  }
}

/** Creates the output folder named by --out (and its parents); a file of that name is a usage error. */
export function makeOutputFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new UserError(`--out ${dir}: a file is in the way; --out names a folder (created if missing), not a file`);
    throw writeFailure(dir, e);
  }
}
