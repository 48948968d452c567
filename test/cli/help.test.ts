import { expect, it } from 'vitest';
import { itaas } from '../helpers.js';
import type { RunResult } from '../helpers.js';

it('every command and subcommand has --help with examples, as the README says', () => {
  // Each help asked once: a command's help gives both its subcommands and its examples.
  const asked = new Map<string, RunResult>();
  const helpOf = (c: string) => asked.get(c) ?? asked.set(c, itaas([...c.split(' '), '--help'])).get(c)!;
  const top = itaas(['--help']).stdout;
  const commands = [...top.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
  expect(commands).toContain('questionnaire');
  const subcommands = commands.flatMap((c) => {
    const help = helpOf(c).stdout;
    if (!help.includes('\nCommands:\n')) return [];
    return [...help.split('\nCommands:\n')[1]!.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => `${c} ${m[1]}`).filter((s) => !s.endsWith(' help'));
  });
  expect(subcommands).toEqual(expect.arrayContaining(['questionnaire list', 'questionnaire show']));
  for (const c of [...commands, ...subcommands]) {
    const help = helpOf(c);
    expect(help.code, c).toBe(0);
    expect(help.stdout, c).toMatch(/\nExamples:\n {2}\$ itaas /);
  }
});

it('questionnaire show says it takes a file, and speaks German properly with --lang de', () => {
  expect(itaas(['questionnaire', 'show', '--help']).stdout).toContain('<id|file>');
  const de = itaas(['questionnaire', 'show', 'itaas-core', '--lang', 'de']);
  expect(de.code).toBe(0);
  const head = de.stdout.split('\n').slice(0, 2).join('\n');
  expect(head).toMatch(/· 7 Abschnitte · verfasst auf Englisch$/m);
  expect(de.stdout).not.toMatch(/Abschnitten|Sprache en/);
  expect(itaas(['questionnaire', 'show', 'itaas-core']).stdout.split('\n')[1]).toMatch(/· 7 sections · written in English$/);
});
