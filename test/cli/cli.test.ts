import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bin, itaas, once, root, tempDir } from '../helpers.js';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const ANSI = /\u001b\[/;
const STACK = /^\s+at /m;

// Asked once, read by the tests of the top-level help.
const topLevelHelp = once(() => itaas(['--help']));

// A report in the default formats, also read by the test of --aggregate.
const reportNorthwind = once(() => {
  const out = tempDir();
  return { out, r: itaas(['report', 'examples/northwind-logistics.yaml', '--out', out, '--aggregate', 'mean']) };
});

describe('the itaas command line', () => {
  it('--help lists every command and shows examples and exit codes', () => {
    const r = topLevelHelp();
    expect(r.code).toBe(0);
    for (const c of ['validate', 'report', 'assess', 'compare', 'init', 'questionnaire', 'schema']) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toMatch(/Exit codes: 0 ok, 1 a check failed, 2 bad input or usage/);
  });

  // Each command's and subcommand's own --help and its examples: help.test.ts.

  it('--version prints the package version', () => {
    for (const flag of ['--version', '-V']) {
      const r = itaas([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(pkg.version);
    }
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['report', 'examples/northwind-logistics.yaml', '--frobnicate'], /unknown option '--frobnicate'/],
    [['report', 'examples/northwind-logistics.yaml', '--aggregate', 'mode'], /argument 'mode' is invalid/],
    [['report', 'examples/northwind-logistics.yaml', '--format', 'docx'], /unknown format "docx"/],
    [['validate'], /missing required argument/],
    [['schema', 'nonsense'], /expected model, questionnaire, answers or report/],
  ])('usage mistakes exit 2 with a message and no stack: %j', (args, message) => {
    const r = itaas(args, { cwd: root, env: { TMPDIR: tempDir() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe('');
  });

  it('writes data to stdout and messages to stderr', () => {
    const r = itaas(['validate', '--json', 'examples/northwind-logistics.yaml']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true });
    const { r: rep } = reportNorthwind();
    expect(rep.code).toBe(0);
    expect(rep.stdout).toBe('');
    expect(rep.stderr).toMatch(/wrote .*northwind-logistics\.md/);
  });

  describe('colour', () => {
    const bad = join('test', 'fixtures', 'malformed', 'syntax-error.yaml');
    it.each([
      ['NO_COLOR=1', [], { NO_COLOR: '1', FORCE_COLOR: undefined }],
      ['--no-color', ['--no-color'], { NO_COLOR: undefined, FORCE_COLOR: undefined }],
      ['no TTY', [], { NO_COLOR: undefined, FORCE_COLOR: undefined }],
    ] as const)('%s: no ANSI escapes', (_name, flags, env) => {
      const r = itaas([...flags, 'validate', bad, 'examples/northwind-logistics.yaml'], { env });
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toMatch(ANSI);
      expect(r.stderr).toMatch(/1 problem in 1 of 2 files/);
    });
  });

  describe('--debug', () => {
    // A bug inside itaas, simulated by breaking a built-in the sorting of problems relies on.
    const crash = { NODE_OPTIONS: `--import=${pathToFileURL(join(root, 'test', 'fixtures', 'simulate-bug.mjs')).href}` };
    const twoBad = ['validate', 'test/fixtures/malformed/empty.yaml', 'test/fixtures/malformed/binary.yaml'];

    it('an internal error without --debug: a short message asking for a report, no stack', () => {
      const r = itaas(twoBad, { env: crash });
      expect(r.code).toBe(70);
      expect(r.stderr).toMatch(/internal error: simulated bug/);
      expect(r.stderr).toMatch(/Run again with --debug/);
      expect(r.stderr).not.toMatch(STACK);
    });

    it('an error thrown outside the command (in a callback) is an internal error too: exit 70, a short message, no stack', () => {
      const uncaught = { NODE_OPTIONS: `--import=${pathToFileURL(join(root, 'test', 'fixtures', 'simulate-uncaught.mjs')).href}` };
      const r = itaas(['validate', 'examples/northwind-logistics.yaml'], { env: uncaught });
      expect(r.code).toBe(70);
      expect(r.stderr).toMatch(/internal error: simulated uncaught bug/);
      expect(r.stderr).toMatch(/Run again with --debug/);
      expect(r.stderr).not.toMatch(STACK);
    });

    it('an internal error with --debug: the stack', () => {
      const r = itaas(['--debug', ...twoBad], { env: crash });
      expect(r.code).toBe(70);
      expect(r.stderr).toMatch(STACK);
    });

    it('a user mistake, with or without --debug, prints no stack trace', () => {
      for (const flags of [[], ['--debug']]) {
        const r = itaas([...flags, 'report', 'test/fixtures/malformed/syntax-error.yaml', '--out', tempDir()]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/syntax-error\.yaml:5:1: Missing closing "quote/);
        expect(r.stderr).not.toMatch(/^\s+at .*\.js:\d+/m);
      }
    });
  });

  it('does not wait for input when stdin is not a TTY', () => {
    const r = spawnSync(process.execPath, [bin, 'validate', 'examples/northwind-logistics.yaml'], { cwd: root, encoding: 'utf8', timeout: 180_000, stdio: ['pipe', 'pipe', 'pipe'] });
    expect(r.status).toBe(0);
  });
});

describe('output into a closed pipe', () => {
  it('stops quietly when the reader goes away (`itaas --help | true`)', () => {
    for (const args of ['--help', 'questionnaire show itaas-core']) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" ${args} | true; echo "exit \${PIPESTATUS[0]}"`], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stdout.trim()).toBe('exit 0');
      expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    }
  });
});

describe('report --aggregate', () => {
  it('says in the report how the answers were combined', () => {
    const { out, r } = reportNorthwind();
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(out, 'northwind-logistics.md'), 'utf8');
    expect(md).toContain('The scores use the mean;');
    expect(md).not.toContain('The scores use the median');
  });
});

describe('top-level help off a terminal', () => {
  it('prints exactly what the command parser prints', () => {
    const saved = topLevelHelp();
    const parsed = itaas(['--no-color', '--help']);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toMatch(/^Usage: itaas /);
    expect(saved.stdout).toContain('Examples:');
    expect(saved.stdout).toBe(parsed.stdout);
  });
});
