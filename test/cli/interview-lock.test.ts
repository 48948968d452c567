import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/interview/lock.js';
import { root, tempDir } from '../helpers.js';

describe('the lock between processes', () => {
  it('lets one interview in and names it to the second', () => {
    const file = join(tempDir(), 'a.yaml');
    const lock = acquireLock(file);
    expect(readFileSync(`${file}.lock`, 'utf8').split('\n')[0]).toBe(String(process.pid));
    const other = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      const { acquireLock } = await import(${JSON.stringify(join(root, 'dist', 'interview', 'lock.js'))});
      try { acquireLock(${JSON.stringify(file)}); console.log('got it'); } catch (e) { console.log(e.message); }`,
      ],
      { encoding: 'utf8' },
    );
    expect(other.stdout).toContain(`in use by another itaas assess (pid ${process.pid}`);
    lock.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over a lock left by a process that is gone', () => {
    const file = join(tempDir(), 'a.yaml');
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(`${file}.lock`, `${dead}\n${hostname()}\n2025-01-01T00:00:00.000Z\n`);
    const lock = acquireLock(file);
    expect(readFileSync(`${file}.lock`, 'utf8').split('\n')[0]).toBe(String(process.pid));
    lock.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
