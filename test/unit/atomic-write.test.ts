import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/io/atomic-write.js';
import { UserError } from '../../src/errors.js';
import { tempDir } from '../helpers.js';
import { mountSmallDisk, smallDiskSkip } from '../small-disk.js';
import type { SmallDisk } from '../small-disk.js';

const big = 'x'.repeat(40_000);

describe.each([
  ['sync', async (p: string, d: string) => writeFileAtomicSync(p, d)],
  ['async', (p: string, d: string) => writeFileAtomic(p, d)],
] as const)('the %s atomic write', (_name, write) => {
  let disk: SmallDisk | undefined;
  afterEach(() => {
    disk?.remove();
    disk = undefined;
  });

  it('replaces a file with all of its new content', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'old');
    await write(file, big);
    expect(readFileSync(file, 'utf8')).toBe(big);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('replaces a symbolic link instead of writing through it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'victim.txt'), 'precious');
    mkdirSync(join(dir, 'out'));
    symlinkSync('../victim.txt', join(dir, 'out', 'r.md'));
    await write(join(dir, 'out', 'r.md'), 'report');
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'out', 'r.md')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'out', 'r.md'), 'utf8')).toBe('report');
  });

  it.skipIf(smallDiskSkip)('on a nearly full disk fails with a clear error and keeps the old file whole', async () => {
    disk = mountSmallDisk(64);
    const file = join(disk.dir, 'answers.yaml');
    writeFileSync(file, 'the good answers\n');
    // Room for part of the new text only: one write() call would write some of it and report success.
    disk.fill(8192);
    const err = await Promise.resolve()
      .then(() => write(file, big))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    expect((err as Error).message).toContain(file);
    expect((err as Error).message).toMatch(/no space left/);
    expect(readFileSync(file, 'utf8')).toBe('the good answers\n');
    expect(readdirSync(disk.dir).filter((f) => f !== '.filler')).toEqual(['answers.yaml']);
  });
});
