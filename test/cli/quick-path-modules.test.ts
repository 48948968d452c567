/**
 * The commands run most load only what they need: a report in md, json or html and validating a valid answers
 * file go without zod (a rejected file loads it for its messages) and without the yaml package (a file the quick
 * reader does not take, or a problem to place at its line, loads it), and without commander.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtures, itaas, root, tempDir } from '../helpers.js';

const packagesOf = JSON.parse(readFileSync(join(root, 'dist', 'bundle-packages.json'), 'utf8')) as Record<string, string[]>;

/** The exit code and the packages of the bundle the command loaded. */
function loadedPackages(args: string[]): { code: number | null; packages: string[]; stdout: string } {
  const log = join(tempDir(), 'modules.log');
  writeFileSync(log, '');
  const r = itaas(args, { env: { ITAAS_MODULE_LOG: log, NODE_OPTIONS: `--import ${pathToFileURL(join(fixtures, 'module-log.mjs')).href}` } });
  const chunks = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.includes('/dist/bundle/'))
    .map((url) => url.slice(url.lastIndexOf('/') + 1));
  expect(chunks.length).toBeGreaterThan(2);
  for (const chunk of chunks) expect(packagesOf, chunk).toHaveProperty([chunk]);
  return { code: r.code, packages: [...new Set(chunks.flatMap((chunk) => packagesOf[chunk]!))].sort(), stdout: r.stdout };
}

const examples = ['northwind-logistics.yaml', 'meridian-health.yaml'].map((f) => join(root, 'examples', f));

describe('modules the quick paths load', () => {
  it('report --format md,json and md,json,html, and validate of a valid answers file, load neither zod nor yaml', () => {
    const out = tempDir();
    // Both examples in each run: what either of them needs would be loaded.
    for (const args of [
      ['report', ...examples, '--format', 'md,json', '--out', out],
      ['report', ...examples, '--format', 'md,json,html', '--out', out, '--lang', 'de'],
      ['validate', ...examples],
    ]) {
      const run = loadedPackages(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.packages, args.join(' ')).not.toContain('zod');
      expect(run.packages, args.join(' ')).not.toContain('yaml');
      // A plainly right command line is read without the command parser.
      expect(run.packages, args.join(' ')).not.toContain('commander');
    }
  });

  it('a file the quick reader leaves to the safe loader loads yaml but not zod; a rejected file loads zod', () => {
    const dir = tempDir();
    const crlf = join(dir, 'crlf.yaml');
    writeFileSync(crlf, readFileSync(examples[0]!, 'utf8').replace(/\n/g, '\r\n'));
    const report = loadedPackages(['report', crlf, '--format', 'md,json', '--out', join(dir, 'out')]);
    expect(report.code).toBe(0);
    expect(report.packages).toContain('yaml');
    expect(report.packages).not.toContain('zod');
    // A warning is placed at its line and column: that needs the yaml package's document, not zod.
    const changed = join(dir, 'changed-questionnaire.yaml');
    writeFileSync(changed, readFileSync(examples[0]!, 'utf8').replace(/^questionnaire:\n/m, 'questionnaire:\n  hash: deadbeef\n'));
    const warned = loadedPackages(['validate', changed]);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('changed-questionnaire.yaml:10:9: warning: questionnaire.hash: answers were given against a different text');
    expect(warned.packages).toContain('yaml');
    expect(warned.packages).not.toContain('zod');
    const unknownKey = join(dir, 'unknown-key.yaml');
    writeFileSync(unknownKey, `${readFileSync(examples[0]!, 'utf8')}colour: blue\n`);
    const rejected = loadedPackages(['validate', unknownKey]);
    expect(rejected.stdout).toContain('unknown-key.yaml:365:1: colour: unknown key "colour"');
    expect(rejected.code).toBe(2);
    expect(rejected.packages).toEqual(expect.arrayContaining(['yaml', 'zod']));
  });
});
