/** `itaas report` and `itaas validate` lines read without commander hand the command exactly what commander would. */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/program.js';
import { quickCommand } from '../../src/quick-args.js';

/** What commander hands the command's action for this line, or 'refused' (a usage error, help). */
function viaCommander(args: string[]): { command: string; files: string[]; opts: Array<[string, unknown]> } | 'refused' {
  const program = buildProgram('0.0.0');
  let got: { command: string; files: string[]; opts: Array<[string, unknown]> } | undefined;
  const quiet = (c: Command) => {
    c.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    for (const sub of c.commands) quiet(sub);
  };
  quiet(program);
  for (const c of program.commands) {
    c.action((files: string[], opts: Record<string, unknown>) => {
      got = { command: c.name(), files, opts: Object.entries(opts) };
    });
  }
  try {
    program.parse(args, { from: 'user' });
  } catch {
    return 'refused';
  }
  return got ?? 'refused';
}

function viaQuick(args: string[]) {
  const line = quickCommand(args);
  return line && { command: args[0]!, files: line.files, opts: Object.entries(line.opts) };
}

const plain: string[][] = [
  ['report', 'a.yaml'],
  ['report', 'a.yaml', 'b.yaml', '--format', 'md,json', '-o', 'out'],
  ['report', '--format=md, json,', 'a.yaml', '--format', 'pdf', '-f', 'html'],
  ['report', 'a.yaml', '--out=x', '--out', 'y', '--out='],
  ['report', 'a.yaml', '--no-color', '--debug', '--json'],
  [
    'report',
    'a.yaml',
    '-f',
    'md',
    '--lang',
    'de',
    '--aggregate',
    'mean',
    '--paper',
    'letter',
    '--templates',
    't',
    '--capacity',
    '5',
    '--start',
    '2025-06',
    '--check',
    '--fail-below-target',
    '--fail-under',
    '2.5',
    '--fail-under=automation=3',
    '--fail-on-regression',
    'b.json',
    '--portfolio',
    '--json',
    '-q',
    'itaas-core',
  ],
  ['validate', 'a.yaml'],
  ['validate', 'a.yaml', 'b.yaml', '--json', '--strict', '-q', 'x', '--questionnaire=y'],
];

const leftToCommander: string[][] = [
  ['report'],
  ['report', '--help'],
  ['report', '-h', 'a.yaml'],
  ['report', 'a.yaml', '--nope'],
  ['report', 'a.yaml', '--aggregate', 'avg'],
  ['report', 'a.yaml', '--paper=a5'],
  ['report', 'a.yaml', '--format'],
  ['report', 'a.yaml', '--', 'b.yaml'],
  ['report', 'a.yaml', '-o', '-x'],
  ['report', 'a.yaml', '--json=1'],
  ['report', '-fmd', 'a.yaml'],
  ['report', 'a.yaml', '-'],
  ['report', 'a.yaml', '--version'],
  ['validate', 'a.yaml', '-o', 'x'],
  ['validate', 'a.yaml', '--format', 'md'],
  ['validate'],
  ['--no-color', 'report', 'a.yaml'],
  ['compare', 'a.json', 'b.json'],
  ['toString', 'a.yaml'],
];

describe('report and validate lines read without commander', () => {
  it.each(plain)('give the command what commander gives it: %j', (...args) => {
    const quick = viaQuick(args);
    expect(quick).toBeDefined();
    expect(quick).toEqual(viaCommander(args));
  });

  it.each(leftToCommander)('leave anything else to commander: %j', (...args) => {
    expect(quickCommand(args)).toBeUndefined();
  });

  it('agree with commander on a thousand random lines, or leave them to it', () => {
    const tokens = [
      'a.yaml',
      'b c.yaml',
      '--format',
      'md,json',
      '-f',
      '--format=html',
      '-o',
      '--out',
      'dir',
      '--out=',
      '--lang',
      'de',
      '--aggregate',
      'min',
      'avg',
      '--paper',
      'letter',
      '--check',
      '--json',
      '--strict',
      '--fail-under',
      '2',
      '--portfolio',
      '-q',
      '--questionnaire',
      '--no-color',
      '--debug',
      '--',
      '-',
      '-x',
      '--help',
      '--capacity=3',
      '--start',
    ];
    let seed = 7;
    const pick = () => tokens[(seed = (seed * 1103515245 + 12345) % 2147483648) % tokens.length]!;
    let quick = 0;
    for (let n = 0; n < 1000; n++) {
      const args = [n % 2 ? 'report' : 'validate', ...Array.from({ length: 1 + (n % 7) }, pick)];
      const line = viaQuick(args);
      if (!line) continue;
      quick++;
      expect(line, JSON.stringify(args)).toEqual(viaCommander(args));
    }
    expect(quick).toBeGreaterThan(50);
  });
});
