import type { Command } from 'commander';
import { expect, it } from 'vitest';
import { buildProgram } from '../../src/program.js';
import { itaas } from '../helpers.js';

/** A command's help as `itaas … --help` prints it off a terminal (80 columns, no colours), from the program itself. */
function helpOf(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (s) => void (text += s), getOutHelpWidth: () => 80, getOutHasColors: () => false });
  command.outputHelp();
  return text;
}

it('every command and subcommand has --help with examples, as the README says', () => {
  const program = buildProgram('0.0.0');
  const find = (path: string) => path.split(' ').reduce((c, name) => c.commands.find((s) => s.name() === name)!, program);
  const top = itaas(['--help']);
  expect(top.code).toBe(0);
  expect(top.stdout).toBe(helpOf(program));
  const commands = [...top.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
  expect(commands).toContain('questionnaire');
  const subcommands = commands.flatMap((c) => {
    const help = helpOf(find(c));
    if (!help.includes('\nCommands:\n')) return [];
    return [...help.split('\nCommands:\n')[1]!.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => `${c} ${m[1]}`).filter((s) => !s.endsWith(' help'));
  });
  expect(subcommands).toEqual(expect.arrayContaining(['questionnaire list', 'questionnaire show']));
  for (const c of [...commands, ...subcommands]) expect(helpOf(find(c)), c).toMatch(/\nExamples:\n {2}\$ itaas /);
  // Each help is read from the program above (one process instead of one per command); the bin prints exactly that,
  // asked here of the commands read without the command parser, of one with subcommands and of a subcommand.
  for (const c of ['report', 'validate', 'sheet', 'questionnaire show']) {
    const r = itaas([...c.split(' '), '--help']);
    expect(r.code, c).toBe(0);
    expect(r.stdout, c).toBe(helpOf(find(c)));
  }
});

it('questionnaire show says it takes a file, and says in its head line how many sections and in which language', () => {
  const show = buildProgram('0.0.0')
    .commands.find((c) => c.name() === 'questionnaire')!
    .commands.find((c) => c.name() === 'show')!;
  expect(helpOf(show)).toContain('<id|file>');
  expect(itaas(['questionnaire', 'show', 'itaas-core']).stdout.split('\n')[1]).toMatch(/· 7 sections · written in English$/);
  // The same in German: i18n.test.ts, which prints that listing anyway.
});
