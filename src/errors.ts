import { visible } from './io/terminal-text.js';

/*
 * The errors and problems every layer shares: a mistake in the input or the command line (exit 2), a
 * check that failed (exit 1), and a problem found in a file, placed at its line and column. cli.ts
 * turns them into messages and exit codes.
 */

/** A problem found in an input file, with the position where it can be pinned down. */
export interface Problem {
  file: string;
  line?: number;
  col?: number;
  message: string;
  severity: 'error' | 'warning';
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}:${problem.col ?? 1}` : problem.file;
  // Problems are printed: a value quoted from a hostile file must not drive the terminal.
  return visible(`${where}: ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`);
}

/**
 * A mistake in what the user gave us (a file, a flag). The CLI prints its message (and problems)
 * without a stack trace and exits 2.
 */
export class UserError extends Error {
  readonly problems: Problem[];
  readonly exitCode: number;
  constructor(message: string, problems: Problem[] = [], exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.problems = problems;
    this.exitCode = exitCode;
  }
}

/**
 * A mistake in the command line itself (a flag's value), found only once a file is loaded: it stops
 * the whole run, instead of being reported against each file as that file's problem.
 */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A check that ran and failed (a gate, a stale report): exit 1. */
export class CheckFailed extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailed';
  }
}

/**
 * The terminal went away under an interview (a closed window, a dropped SSH session) and whatever had
 * to be saved or freed has been. cli.ts ends the process as the hang-up itself would have (129).
 */
export class HangUp extends Error {
  constructor() {
    super('the terminal was closed');
    this.name = 'HangUp';
  }
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file, 'en') || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
