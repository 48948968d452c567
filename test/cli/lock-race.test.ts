import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, tempDir } from '../helpers.js';

const ROUNDS = 300;
const WORKERS = 6;

/** Each worker tries, at the same instants as the others, to take the stale lock of every round. */
const worker = (dir: string, start: number) => `
  const { acquireLock } = await import(${JSON.stringify(join(root, 'dist', 'interview', 'lock.js'))});
  const { appendFileSync, readdirSync } = await import('node:fs');
  const nap = new Int32Array(new SharedArrayBuffer(4));
  for (let r = 0; r < ${ROUNDS}; r++) {
    // Asleep until just before the instant, then awake for the last millisecond so that every worker starts at the same one.
    const at = ${start} + r * 25;
    if (at - Date.now() > 1) Atomics.wait(nap, 0, 0, at - Date.now() - 1);
    while (Date.now() < at) {}
    try {
      acquireLock(${JSON.stringify(dir)} + '/a' + r + '.yaml');
      appendFileSync(${JSON.stringify(dir)} + '/holders' + r, process.pid + '\\n');
    } catch {}
  }
  // Stay alive until every worker is through: a lock whose holder has exited is rightly taken over.
  appendFileSync(${JSON.stringify(dir)} + '/done', 'x');
  while (readdirSync(${JSON.stringify(dir)}).includes('done') && (await import('node:fs')).readFileSync(${JSON.stringify(dir)} + '/done', 'utf8').length < ${WORKERS}) Atomics.wait(nap, 0, 0, 20);`;

describe('taking over a stale lock', () => {
  it('gives it to exactly one of several runs that find it at the same moment', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    for (let r = 0; r < ROUNDS; r++) writeFileSync(join(dir, `a${r}.yaml.lock`), `${dead}\n${hostname()}\n2025-01-01T00:00:00.000Z\n`);
    const start = Date.now() + 1500;
    await Promise.all(Array.from({ length: WORKERS }, () => new Promise((done) => spawn(process.execPath, ['--input-type=module', '-e', worker(dir, start)], { stdio: 'ignore' }).on('exit', done))));
    const holders = Array.from({ length: ROUNDS }, (_, r) => {
      try {
        return readFileSync(join(dir, `holders${r}`), 'utf8')
          .trim()
          .split('\n').length;
      } catch {
        return 0;
      }
    });
    expect(
      holders.filter((n) => n !== 1),
      'how many runs took the lock, in each round where not exactly one did',
    ).toEqual([]);
  });
});
