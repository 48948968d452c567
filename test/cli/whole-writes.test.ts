import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { itaas, tempDir } from '../helpers.js';
import { mountSmallDisk, smallDiskSkip } from '../small-disk.js';
import type { SmallDisk } from '../small-disk.js';

const STACK = /^\s+at /m;
const example = 'examples/northwind-logistics.yaml';

describe('every file itaas writes is whole or not there', () => {
  let disk: SmallDisk | undefined;
  afterEach(() => {
    disk?.remove();
    disk = undefined;
  });

  it.skipIf(smallDiskSkip)('report onto a full disk exits 2, names the file and leaves no cut-off report', () => {
    disk = mountSmallDisk(64);
    disk.fill(12_288);
    const r = itaas(['report', example, '--format', 'md,json,html', '--out', disk.dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*northwind-logistics\.(md|json|html): no space left on the device/);
    expect(r.stderr).not.toMatch(STACK);
    const left = readdirSync(disk.dir).filter((f) => f !== '.filler');
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Whatever was written is complete.
    if (left.includes('northwind-logistics.json')) expect(() => JSON.parse(readFileSync(join(disk!.dir, 'northwind-logistics.json'), 'utf8'))).not.toThrow();
    if (left.includes('northwind-logistics.html')) expect(readFileSync(join(disk.dir, 'northwind-logistics.html'), 'utf8')).toMatch(/<\/html>\s*$/);
  });

  it.skipIf(smallDiskSkip)('report onto a full disk keeps the reports it would have replaced', () => {
    disk = mountSmallDisk(256);
    expect(itaas(['report', example, '--format', 'json', '--out', disk.dir]).code).toBe(0);
    const before = readFileSync(join(disk.dir, 'northwind-logistics.json'), 'utf8');
    disk.fill(4096);
    const r = itaas(['report', example, '--format', 'json', '--out', disk.dir, '--lang', 'de']);
    expect(r.code).toBe(2);
    expect(readFileSync(join(disk.dir, 'northwind-logistics.json'), 'utf8')).toBe(before);
  });

  it.skipIf(smallDiskSkip)('init onto a full disk exits 2 and leaves no file', () => {
    disk = mountSmallDisk(16);
    disk.fill(0);
    const out = join(disk.dir, 'q.yaml');
    const r = itaas(['init', 'questionnaire', 'acme', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${out}: no space left`);
    expect(existsSync(out)).toBe(false);
  });

  it('a report whose output file is a symbolic link replaces the link, not the file it points to', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'victim.txt'), 'not a report\n');
    mkdirSync(join(dir, 'reports'));
    symlinkSync('../victim.txt', join(dir, 'reports', 'northwind-logistics.md'));
    const r = itaas(['report', example, '--format', 'md', '--out', join(dir, 'reports')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('not a report\n');
    expect(lstatSync(join(dir, 'reports', 'northwind-logistics.md')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'reports', 'northwind-logistics.md'), 'utf8')).toMatch(/^# /);
  });
});
