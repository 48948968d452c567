import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, visit } from 'yaml';
import type { Node } from 'yaml';
import { UserError } from '../errors.js';
import type { Problem } from '../errors.js';
import { fail, MAX_ALIASES, MAX_DEPTH, readTextFile, useSafeLoader } from './yaml-file.js';
import type { YamlFile } from './yaml-file.js';

/*
 * The safe loader: the yaml package's parser with every rule of what itaas accepts, and the line and column of a
 * value. It is loaded only when needed: by the full loader, or when the quick path (quick.ts) meets a file its
 * reader does not take or a problem to place.
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Cheap scan before parsing, so pathological nesting never reaches the parser. */
function checkNesting(file: string, text: string): void {
  let depth = 0;
  let line = 1;
  let col = 0;
  let quote: string | null = null;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    col++;
    if (char === '\n') {
      line++;
      col = 0;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '#' && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if ((char === '"' || char === "'") && (i === 0 || /[\s,[{:]/.test(text[i - 1]!))) quote = char;
    else if (char === '[' || char === '{') {
      if (++depth > MAX_DEPTH) fail(file, `nesting deeper than ${MAX_DEPTH} levels is refused`, line, col);
    } else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lead = /^( *)((?:[-?] +)*)/.exec(lines[i]!)!;
    const indicators = (lead[2]!.match(/[-?]/g) ?? []).length;
    if (lead[1]!.length > 4 * MAX_DEPTH || indicators > MAX_DEPTH) {
      fail(file, `nesting deeper than ${MAX_DEPTH} levels is refused`, i + 1, 1);
    }
  }
}

/** The first node nested deeper than `limit`, so that the error can point at it. */
function tooDeep(node: unknown, limit: number): Node | undefined {
  const stack: Array<[unknown, number]> = [[node, 1]];
  while (stack.length) {
    const [entry, depth] = stack.pop()!;
    if (depth > limit) return (isPair(entry) ? entry.key : entry) as Node;
    if (isMap(entry) || isSeq(entry)) for (const item of entry.items) stack.push([item, depth + 1]);
    else if (isPair(entry)) {
      stack.push([entry.key, depth]);
      stack.push([entry.value, depth]);
    }
  }
  return undefined;
}

export function positionOf(yamlFile: Pick<YamlFile, 'lineCounter'>, offset: number): { line: number; col: number } {
  const linePos = yamlFile.lineCounter.linePos(offset);
  return { line: linePos.line, col: linePos.col };
}

/** Parses YAML safely: YAML 1.2 core schema, one document, no duplicate keys, warnings are errors. */
export function parseYaml(file: string, text: string): YamlFile {
  checkNesting(file, text);
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    merge: false,
    customTags: [],
  });
  const list = Array.isArray(docs) ? docs : [];
  if (!Array.isArray(docs)) fail(file, 'is not a YAML document');
  if (list.length === 0) fail(file, 'is empty; expected a YAML document');
  const problems: Problem[] = [];
  const at = (pos: readonly number[] | undefined, message: string) => {
    const place = pos ? positionOf({ lineCounter }, pos[0]!) : { line: 1, col: 1 };
    problems.push({ file, line: place.line, col: place.col, message, severity: 'error' });
  };
  if (list.length > 1) {
    at(list[1]!.range, 'holds several YAML documents; put one document in each file');
  }
  const doc = list[0]!;
  for (const issue of [...doc.errors, ...doc.warnings]) at(issue.pos, cleanYamlMessage(issue.message));
  let aliases = 0;
  visit(doc, {
    Alias(_k, aliasNode) {
      if (!aliasNode.resolve(doc)) {
        at(aliasNode.range ?? undefined, `the alias "*${aliasNode.source}" names no anchor before it; define "&${aliasNode.source}" first`);
        return undefined;
      }
      if (++aliases > MAX_ALIASES) {
        at(aliasNode.range ?? undefined, `more than ${MAX_ALIASES} aliases; write the values out instead`);
        return visit.BREAK;
      }
      return undefined;
    },
    Pair(_k, pair) {
      const key = pair.key;
      if (isScalar(key) && typeof key.value === 'string' && FORBIDDEN_KEYS.has(key.value)) {
        at(key.range ?? undefined, `the key "${key.value}" is not allowed`);
      }
      if (key !== null && !isScalar(key) && !isAlias(key)) at((key as Node).range ?? undefined, 'keys must be plain values');
    },
  });
  if (problems.length) throw new UserError(`${file} is not valid YAML`, problems);
  const deep = tooDeep(doc.contents, MAX_DEPTH);
  if (deep) {
    const pos = deep.range ? positionOf({ lineCounter }, deep.range[0]) : undefined;
    fail(file, `nesting deeper than ${MAX_DEPTH} levels is refused`, pos?.line, pos?.col);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    fail(file, `cannot be read: ${(e as Error).message}`);
  }
  if (data === null || data === undefined) fail(file, 'is empty; expected a YAML document');
  return { file, text, doc, lineCounter, data };
}

function cleanYamlMessage(msg: string): string {
  // The yaml package appends " at line X, column Y" itself; the position is already in front.
  return msg.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

export function loadYamlFile(file: string): YamlFile {
  return parseYaml(file, readTextFile(file));
}

/** Line and column of the value at a data path, or of the closest parent that exists. */
export function locate(yamlFile: YamlFile, path: ReadonlyArray<PropertyKey>): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = yamlFile.doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
    if (node && typeof node === 'object' && node.range) {
      // Point at the key for a missing child's parent map; at the value otherwise.
      return positionOf(yamlFile, node.range[0]);
    }
    if (n > 0 && n === path.length) {
      // A key that exists but whose value node is null: look for the pair itself.
      const parent = yamlFile.doc.getIn(path.slice(0, n - 1) as unknown[], true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[n - 1]);
        if (pair && isScalar(pair.key) && pair.key.range) return positionOf(yamlFile, pair.key.range[0]);
      }
    }
  }
  return { line: 1, col: 1 };
}

/** Position of a map key (for "unknown key" and duplicate-id style messages). */
export function locateKey(yamlFile: YamlFile, path: ReadonlyArray<PropertyKey>, key: string): { line: number; col: number } {
  const parent = yamlFile.doc.getIn(path as unknown[], true);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair && isScalar(pair.key) && pair.key.range) return positionOf(yamlFile, pair.key.range[0]);
  }
  return locate(yamlFile, path);
}

useSafeLoader({ parseYaml, loadYamlFile, locate, locateKey });
