import type { z } from 'zod';
import { locate, locateKey } from './safe-yaml.js';
import type { YamlFile } from './safe-yaml.js';
import type { Problem } from './problems.js';

export function pathString(path: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(top level)';
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue): string {
  if (issue.code === 'invalid_union') {
    // Report the branch that got furthest rather than "invalid input".
    const branches = (issue as { errors?: Issue[][] }).errors ?? [];
    const best = branches
      .filter((b) => b.length > 0)
      .sort((a, b) => Math.max(...b.map((i) => i.path.length)) - Math.max(...a.map((i) => i.path.length)) || a.length - b.length)[0];
    if (best && best[0] && best[0].code !== 'invalid_type') return describeIssue(best[0]);
    return 'does not have the expected form';
  }
  if (issue.code === 'invalid_type') {
    const input = (issue as { input?: unknown }).input;
    if (input === undefined) return `is required (expected ${issue.expected})`;
    const got = input === null ? 'nothing (null)' : Array.isArray(input) ? 'a list' : typeof input === 'object' ? 'a map' : `${typeof input} ${JSON.stringify(input)}`;
    return `must be ${issue.expected === 'object' ? 'a map' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, got ${got}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of ${(issue.values as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return issue.message;
}

/** Validates data against a zod schema; every issue becomes a problem at its line and column. */
export function schemaProblems<T>(f: YamlFile, schema: z.ZodType<T>): { data?: T; problems: Problem[] } {
  // reportInput: without it zod leaves the value out of type errors, and every wrong type read as "is required".
  const result = schema.safeParse(f.data, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const pos = locateKey(f, path, key);
        problems.push({
          file: f.file,
          ...pos,
          message: `${pathString([...path, key])}: unknown key "${key}"; check its spelling or remove it`,
          severity: 'error',
        });
      }
      continue;
    }
    let target = path;
    if (issue.code === 'invalid_union') {
      const branches = (issue as { errors?: Issue[][] }).errors ?? [];
      const deepest = branches.flat().sort((a, b) => b.path.length - a.path.length)[0];
      if (deepest && deepest.code !== 'invalid_type') target = [...path, ...(deepest.path as PropertyKey[])];
    }
    problems.push({ file: f.file, ...locate(f, target), message: `${pathString(target)}: ${describeIssue(issue)}`, severity: 'error' });
  }
  return { problems };
}
