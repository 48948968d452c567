import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const bin = join(root, 'bin', 'itaas.js');
export const fixtures = join(root, 'test', 'fixtures');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `itaas` bin, as a user would, without a TTY. */
export function itaas(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: opts.cwd ?? root,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    // A hang guard only: a loaded machine may be slow, a hung process is not.
    timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'itaas-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The lines of a run over several files that start with this file's name (`file:line:col: ...`), as one text. */
export function linesNaming(output: string, file: string): string {
  return output
    .split('\n')
    .filter((line) => line.startsWith(`${file}:`))
    .join('\n');
}

/**
 * Files that go through one run of the bin together (`itaas validate a b c`): each test adds its file while the
 * tests are collected, the first test to ask for the result makes the one run, and each reads its own lines.
 */
export function runTogether(args: string[], opts: { cwd?: string } = {}) {
  const files: string[] = [];
  let run: RunResult | undefined;
  return {
    add(file: string): string {
      if (run) throw new Error(`${file} was added after the run over ${files.join(', ')}`);
      files.push(file);
      return file;
    },
    run: (): RunResult => (run ??= itaas([...args, ...files], opts)),
  };
}

/**
 * A value made on first use and shared by every test that asks for it: one run of `itaas` whose output
 * several tests read, each asserting its own part.
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
