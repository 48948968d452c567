import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/interview/lock.js';
import { tempDir } from '../helpers.js';
import { mountSmallDisk, smallDiskSkip } from '../small-disk.js';
import type { SmallDisk } from '../small-disk.js';
import { refusal } from '../interview-fixtures.js';

describe('the interview lock', () => {
  let disk: SmallDisk | undefined;
  afterEach(() => {
    disk?.remove();
    disk = undefined;
  });

  it('is one lock for one file, whatever name it is opened by', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'acme.yaml'), 'kind: answers\n');
    symlinkSync('shared/acme.yaml', join(dir, 'alias.yaml'));
    const lock = acquireLock(join(dir, 'alias.yaml'));
    try {
      expect(refusal(() => acquireLock(join(dir, 'shared', 'acme.yaml'))).message).toContain('is in use by another itaas assess');
      expect(existsSync(join(dir, 'shared', 'acme.yaml.lock'))).toBe(true);
    } finally {
      lock.release();
    }
    expect(readdirSync(join(dir, 'shared'))).toEqual(['acme.yaml']);
  });

  it('takes over a lock whose pid now belongs to a process started after it', () => {
    const file = join(tempDir(), 'a.yaml');
    // A live process that is not the owner: it started long after the lock was written.
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(`${file}.lock`, `${other.pid}\n${hostname()}\n2020-01-01T00:00:00.000Z\n`);
      const lock = acquireLock(file);
      expect(readFileSync(`${file}.lock`, 'utf8').split('\n')[0]).toBe(String(process.pid));
      lock.release();
    } finally {
      other.kill();
    }
  });

  it('names the command that holds the file: a merge or migration is waited for, an interview finished', () => {
    const file = join(tempDir(), 'a.yaml');
    for (const command of ['merge', 'migrate'] as const) {
      const lock = acquireLock(file, command);
      try {
        const message = refusal(() => acquireLock(file)).message;
        expect(message).toContain(`is in use by another itaas ${command} (pid ${process.pid}`);
        expect(message).toContain('wait for it to finish');
        expect(message).not.toMatch(/assess|interview/);
      } finally {
        lock.release();
      }
    }
    const interview = acquireLock(file);
    try {
      expect(refusal(() => acquireLock(file, 'merge')).message).toMatch(/in use by another itaas assess \(pid \d+.*finish or quit that interview first/);
    } finally {
      interview.release();
    }
  });

  it('still refuses a lock held by a live process that wrote it', () => {
    const file = join(tempDir(), 'a.yaml');
    writeFileSync(`${file}.lock`, `${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`);
    expect(refusal(() => acquireLock(file)).message).toContain(`(pid ${process.pid}`);
  });

  it.skipIf(smallDiskSkip)('on a full disk fails with a clear error and leaves no empty lock behind', () => {
    disk = mountSmallDisk(16);
    const file = join(disk.dir, 'a.yaml');
    writeFileSync(file, 'kind: answers\n');
    disk.fill(0);
    expect(refusal(() => acquireLock(file)).message).toMatch(/no space left/);
    expect(readdirSync(disk.dir).sort()).toEqual(['.filler', 'a.yaml']);
    // With the space back, the next run starts at once.
    spawnSync('rm', [join(disk.dir, '.filler')]);
    acquireLock(file).release();
  });
});
