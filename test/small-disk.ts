import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A tiny tmpfs, for tests of what happens when the disk fills up. Mounting needs root (CI runs as
 * root); elsewhere `smallDiskSkip` says why those tests are skipped.
 */
function probe(): string | undefined {
  if (process.platform !== 'linux') return 'a small tmpfs can only be mounted on Linux';
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs to fill up needs root (CI runs as root)';
  try {
    const d = mountSmallDisk(16);
    d.remove();
    return undefined;
  } catch (e) {
    return `cannot mount a tmpfs here: ${(e as Error).message.split('\n')[0]}`;
  }
}

export interface SmallDisk {
  dir: string;
  /** Fills every free block, then frees `leave` bytes again (0: completely full). */
  fill(leave?: number): void;
  remove(): void;
}

export function mountSmallDisk(kib: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'itaas-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0777`, 'tmpfs', dir], { stdio: 'pipe' });
  const filler = join(dir, '.filler');
  return {
    dir,
    fill(leave = 0) {
      const fd = openSync(filler, 'w');
      const block = Buffer.alloc(4096, 120);
      try {
        for (;;) writeSync(fd, block);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      } finally {
        closeSync(fd);
      }
      if (leave > 0) {
        // Frees the space by rewriting the filler shorter.
        const size = Math.max(0, (execFileSync('stat', ['-c', '%s', filler], { encoding: 'utf8' }).trim() as unknown as number) - leave);
        execFileSync('truncate', ['-s', String(size), filler]);
      }
    },
    remove() {
      try {
        unlinkSync(filler);
      } catch {
        /* not filled */
      }
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const smallDiskSkip: string | undefined = probe();
if (smallDiskSkip) console.warn(`disk-full tests skipped: ${smallDiskSkip}`);
