import type { z } from 'zod';
import { LanguageCode } from '../schema/common.js';
import { locate, locateKey } from './safe-yaml.js';
import type { YamlFile } from './yaml-file.js';
import { pathString } from './yaml-file.js';
import type { Problem } from '../errors.js';

type Issue = z.core.$ZodIssue;

/** The branch of a union that got furthest: the one to report rather than "invalid input". */
function bestBranch(issue: Issue): Issue[] | undefined {
  const branches = (issue as { errors?: Issue[][] }).errors ?? [];
  return branches.filter((b) => b.length > 0).sort((a, b) => Math.max(...b.map((i) => i.path.length)) - Math.max(...a.map((i) => i.path.length)) || a.length - b.length)[0];
}

/**
 * A union whose closest branch failed on map keys (a text map such as `{english: ...}`) stands for
 * that branch's issues, each under the union's path, so that every bad key is named where it is.
 */
function expand(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const best = bestBranch(issue);
  if (!best?.some((i) => i.code === 'invalid_key')) return [issue];
  return best.flatMap((i) => expand({ ...i, path: [...issue.path, ...i.path] } as Issue));
}

/** What the schema says a language code is (the message of its own check). */
const LANGUAGE_CODE = LanguageCode.safeParse('').error?.issues[0]?.message;

/** Why a map key is refused: a language code in a text map gets an example, any other key its rule. */
function describeKey(key: string, issue: Issue): string {
  const inner = (issue as { issues?: Issue[] }).issues ?? [];
  if (inner.some((i) => i.message === LANGUAGE_CODE)) {
    const normalised = key
      .trim()
      .replace('_', '-')
      .replace(/^([A-Za-z]+)(?:-([A-Za-z]+))?$/, (_m, l: string, r?: string) => (r ? `${l.toLowerCase()}-${r.toUpperCase()}` : l.toLowerCase()));
    const several = key.split(/[\s,;/]+/).filter(Boolean);
    const hint =
      normalised !== key && LanguageCode.safeParse(normalised).success
        ? `did you mean "${normalised}"?`
        : several.length > 1 && several.every((c) => LanguageCode.safeParse(c).success)
          ? `give each language a key of its own (${several.map((c) => `${c}: ...`).join(', ')})`
          : 'use a code such as "en" or "de"';
    return `${JSON.stringify(key)} is not a language code; ${hint}`;
  }
  const why = inner.map((i) => i.message).join('; ');
  return `the key ${JSON.stringify(key)} ${why || 'is not allowed here'}`;
}

function describeIssue(issue: Issue): string {
  if (issue.code === 'invalid_union') {
    const best = bestBranch(issue);
    if (best?.[0] && best[0].code !== 'invalid_type') return describeIssue(best[0]);
    return 'does not have the expected form';
  }
  if (issue.code === 'invalid_key') return describeKey(String(issue.path[issue.path.length - 1] ?? issue.input), issue);
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
export function schemaProblems<T>(yamlFile: YamlFile, schema: z.ZodType<T>): { data?: T; problems: Problem[] } {
  // reportInput: without it zod leaves the value out of type errors, and every wrong type read as "is required".
  const result = schema.safeParse(yamlFile.data, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues.flatMap(expand)) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'invalid_key' && path.length) {
      // The key itself is wrong: point at it, and name the map it is in.
      const parent = path.slice(0, -1);
      const key = String(path[path.length - 1]);
      problems.push({ file: yamlFile.file, ...locateKey(yamlFile, parent, key), message: `${pathString(parent)}: ${describeKey(key, issue)}`, severity: 'error' });
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const pos = locateKey(yamlFile, path, key);
        problems.push({
          file: yamlFile.file,
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
    problems.push({ file: yamlFile.file, ...locate(yamlFile, target), message: `${pathString(target)}: ${describeIssue(issue)}`, severity: 'error' });
  }
  return { problems };
}
