import { mkdirSync, symlinkSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { expect, it } from 'vitest';
import { itaasCommand } from '../../src/ui.js';
import { bin, tempDir } from '../helpers.js';

it('suggests `itaas` only when the itaas on the PATH is this program, else `npx itaas`', () => {
  const onPath = tempDir();
  symlinkSync(bin, join(onPath, 'itaas'));
  expect(itaasCommand({ PATH: ['/nowhere', onPath].join(delimiter) }, bin)).toBe('itaas');

  // Not on the PATH at all, or another itaas is: the installed one runs with npx.
  expect(itaasCommand({ PATH: '/usr/bin' }, bin)).toBe('npx itaas');
  const other = tempDir();
  mkdirSync(join(other, 'pkg'));
  symlinkSync(join(other, 'pkg'), join(other, 'itaas'));
  expect(itaasCommand({ PATH: other }, bin)).toBe('npx itaas');
});
