import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { root } from '../helpers.js';

/**
 * What installing itaas runs: nothing. The build happens when the package is packed (prepack) and,
 * in a checkout, when npm installs its dependencies (the root-only "dependencies" script); the
 * packed tarball carries the built CLI.
 */
it('has no install-time script, and the packed tarball carries the built CLI', () => {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts[hook], hook).toBeUndefined();
  expect(scripts.prepack).toBe('npm run build');
  expect(scripts.dependencies).toBe('npm run build');

  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  const files = (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
  expect(files).toContain('bin/itaas.js');
  expect(files).toContain('dist/bundle/cli.js');
  expect(files).toContain('schemas/answers.schema.json');
  expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
});
