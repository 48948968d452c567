import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, itaas, root, tempDir } from '../helpers.js';

const STACK = /^\s+at /m;
const example = 'examples/northwind-logistics.yaml';

/** Runs itaas with its standard output going to /dev/full, where every write fails with ENOSPC. */
function toFullStdout(args: string[]) {
  const fd = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return { code: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe('writing to a standard output that is full', () => {
  it.each([[['schema', 'answers']], [['report', example, '--format', 'md', '--json', '--out', 'OUT']], [['compare', 'examples/meridian-health.yaml', example]]])(
    'itaas %s exits 2 with one line',
    (args) => {
      const out = tempDir();
      const r = toFullStdout(args.map((a) => (a === 'OUT' ? out : a)));
      expect(r.stderr).not.toMatch(STACK);
      expect(
        r.stderr
          .trim()
          .split('\n')
          .filter((l) => l.includes('standard output')),
      ).toEqual(['error: cannot write to standard output: no space left on the device; the output is incomplete']);
      expect(r.code).toBe(2);
    },
  );
});

describe('a broken template or a wrong --out is a user error', () => {
  it.each([['null'], ["'just a string'"], ['undefined']])('a template that throws %s exits 2 naming the template', (thrown) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl', 'report.md.eta'), `# Report\n<% throw ${thrown} %>\n`);
    const r = itaas(['report', example, '--format', 'md', '--templates', join(dir, 'tpl'), '--out', join(dir, 'out')]);
    expect(r.stderr).toContain(join(dir, 'tpl', 'report.md.eta'));
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(2);
  });

  it('--out naming an existing file exits 2 and says it must be a folder', () => {
    const file = join(tempDir(), 'notes.txt');
    writeFileSync(file, 'mine\n');
    const r = itaas(['report', example, '--format', 'md', '--out', file]);
    expect(r.stderr).toContain(`--out ${file}: a file is in the way`);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(2);
  });
});
