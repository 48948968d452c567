import { readFileSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import type { Document, LineCounter } from 'yaml';
import { UserError } from '../errors.js';
import type { Problem } from '../errors.js';

/*
 * What reading a YAML file needs without the yaml package: the limits, reading the text, a YamlFile's shape and
 * a data path in words. The safe loader (safe-yaml.ts), which parses with the yaml package and finds a value's
 * line and column, is reached through safeLoader(), so that the quick path (quick.ts) loads it only when it
 * needs it.
 */

/** Inputs are hand-written YAML; anything larger is a mistake or an attack. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_DEPTH = 64;
export const MAX_ALIASES = 20;

/** A parsed YAML file that keeps what is needed to point at a line and column. */
export interface YamlFile {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  data: unknown;
}

export function fail(file: string, message: string, line?: number, col?: number): never {
  const problem: Problem = { file, message, severity: 'error' };
  if (line !== undefined) {
    problem.line = line;
    problem.col = col ?? 1;
  }
  throw new UserError(message, [problem]);
}

/** Reads a file as UTF-8 text, refusing what cannot be a YAML document we wrote or a person edited. */
export function readTextFile(file: string): string {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail(file, 'no such file; check the path');
    if (code === 'EACCES') fail(file, 'permission denied; check the file permissions');
    fail(file, `cannot read the file (${code ?? 'unknown error'})`);
  }
  if (st.isDirectory()) fail(file, 'is a directory, not a file; name a .yaml file inside it');
  if (!st.isFile()) fail(file, 'is not a regular file');
  if (st.size > MAX_FILE_BYTES) fail(file, `is ${st.size} bytes; files over ${MAX_FILE_BYTES} bytes are refused`);
  const buf = readFileSync(file);
  if (buf.length === 0 || buf.toString('utf8').trim() === '') fail(file, 'is empty; expected a YAML document');
  // UTF-16 (Notepad's "Unicode", PowerShell's default): a byte-order mark or every other byte NUL.
  const bom16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  const pairs = Math.min(buf.length >> 1, 256);
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (buf[2 * i] === 0) nulEven++;
    if (buf[2 * i + 1] === 0) nulOdd++;
  }
  if (bom16 || (pairs >= 2 && (nulEven === pairs || nulOdd === pairs))) {
    fail(file, 'is encoded as UTF-16; itaas reads UTF-8 only. Save it again as UTF-8 (in most editors: Save As, encoding UTF-8)');
  }
  if (buf.includes(0)) fail(file, 'looks binary (it contains NUL bytes); expected a YAML text file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    fail(file, 'is not valid UTF-8 text; save it as UTF-8');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A path into a file's data as people write it: `respondents[0].answers`. */
export function pathString(path: ReadonlyArray<PropertyKey>): string {
  let shown = '';
  for (const part of path) shown += typeof part === 'number' ? `[${part}]` : shown ? `.${String(part)}` : String(part);
  return shown || '(top level)';
}

/** What the safe loader (safe-yaml.ts) offers to code that must not load it up front. */
interface SafeLoader {
  parseYaml(file: string, text: string): YamlFile;
  loadYamlFile(file: string): YamlFile;
  locate(yamlFile: YamlFile, path: ReadonlyArray<PropertyKey>): { line: number; col: number };
  locateKey(yamlFile: YamlFile, path: ReadonlyArray<PropertyKey>, key: string): { line: number; col: number };
}

let safe: SafeLoader | undefined;

/** Thrown by safeLoader() before the safe loader is loaded; whoever catches it loads it (loadSafeLoader) and tries again. */
export class SafeLoaderNotLoaded extends Error {
  constructor() {
    super('the YAML parser is not loaded yet');
  }
}

/** Called once by safe-yaml.ts as it loads. */
export function useSafeLoader(loader: SafeLoader): void {
  safe = loader;
}

/** The safe loader, if it is loaded (by the full loader, or loadSafeLoader()); else throws SafeLoaderNotLoaded. */
export function safeLoader(): SafeLoader {
  if (!safe) throw new SafeLoaderNotLoaded();
  return safe;
}

export async function loadSafeLoader(): Promise<void> {
  if (!safe) await import('./safe-yaml.js');
}
