import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { itaas, tempDir } from '../helpers.js';

it('refuses to interview without a terminal: exit 2 at once, no file created', () => {
  const dir = tempDir();
  const r = itaas(['assess', '--answers', join(dir, 'a.yaml')], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('needs a terminal');
  expect(r.stderr).toContain('itaas report');
  expect(r.stdout).toBe('');
  expect(existsSync(join(dir, 'a.yaml'))).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
});

it('does not take answers from a pipe either: exit 2, no answers.yaml appears', () => {
  const dir = tempDir();
  const r = itaas(['assess'], { cwd: dir, input: 'Acme\n' });
  expect(r.code).toBe(2);
  expect(readdirSync(dir)).toEqual([]);
});
