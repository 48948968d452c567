/*
 * A quick reader for the plain YAML that answers files are: block mappings and sequences, one-line scalars,
 * comments. Parsing a 16 KB answers file with the yaml package (lexer, CST, document, then toJS) was the largest
 * part of `itaas report --format md,json`. This reader gives the same value the safe loader would (YAML 1.2 core
 * schema), or undefined at the first thing it is not sure of: tabs, CRLF, anchors, aliases, tags, flow
 * collections, block scalars, multi-line or unusual scalars, quoted or unusual keys, duplicate or forbidden keys,
 * documents markers, deep nesting. Undefined sends the file to the safe loader (safe-yaml.ts), which then decides
 * and words every problem, so no rule of it is bypassed.
 */

import { MAX_DEPTH, readTextFile, safeLoader } from './yaml-file.js';
import type { YamlFile } from './yaml-file.js';

interface Line {
  indent: number;
  text: string;
  /** Index in the file's lines. */
  at: number;
}
/** The file's lines, for block scalars and plain scalars that go on over several lines. */
interface Source {
  raw: string[];
  lines: Line[];
}

class NotPlain extends Error {}
const notPlain = (): never => {
  throw new NotPlain();
};

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__|constructor|prototype)$/;
// The core schema's scalars (yaml's schema/core): resolved here only in their plainest forms.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^-?[0-9]{1,15}$/;
const FLOAT = /^-?[0-9]{1,15}\.[0-9]{1,15}$/;
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** Characters whose reading in YAML is not worth being sure of here. */
const UNUSUAL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0' };

/** A one-line scalar as the core schema reads it, with any comment after it removed. */
function scalar(src: string): unknown {
  if (src.startsWith('"')) {
    let out = '';
    let i = 1;
    for (; i < src.length && src[i] !== '"'; i++) {
      const char = src[i]!;
      if (char !== '\\') {
        out += char;
        continue;
      }
      const escaped = src[++i];
      if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 1, i + 5))) {
        const code = Number.parseInt(src.slice(i + 1, i + 5), 16);
        if (code >= 0xd800 && code <= 0xdfff) notPlain();
        out += String.fromCharCode(code);
        i += 4;
      } else if (escaped !== undefined && ESCAPES[escaped] !== undefined) out += ESCAPES[escaped];
      else notPlain();
    }
    if (i >= src.length || !/^(?:\s+#.*)?\s*$/.test(src.slice(i + 1)) || UNUSUAL.test(src.slice(0, i))) notPlain();
    return out;
  }
  if (src.startsWith("'")) {
    let out = '';
    let i = 1;
    for (; i < src.length; i++) {
      if (src[i] === "'") {
        if (src[i + 1] !== "'") break;
        i++;
      }
      out += src[i];
    }
    if (i >= src.length || !/^(?:\s+#.*)?\s*$/.test(src.slice(i + 1)) || UNUSUAL.test(src.slice(0, i))) notPlain();
    return out;
  }
  const hash = src.search(/\s#/);
  const text = (hash >= 0 ? src.slice(0, hash) : src).trimEnd();
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !INT.test(text) && !FLOAT.test(text)) notPlain();
  if (/: |:$|\s#/.test(text) || UNUSUAL.test(text)) notPlain();
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (INT.test(text)) return Number.parseInt(text, 10);
  if (FLOAT.test(text)) return Number.parseFloat(text);
  if (CORE_NUMBER.test(text)) notPlain();
  return text;
}

/**
 * A further line of a multi-line plain scalar. Unlike its first line it may begin with a quote or most other
 * indicators (yaml's lexer reads on to the line's end, as YAML 1.2 does); a comment, a key or what looks like a
 * sequence entry or an explicit key is left to the safe loader.
 */
function continuation(text: string): string {
  if (/^(?:#|[-?:](?: |$))|: |:$|\s#/.test(text) || UNUSUAL.test(text)) notPlain();
  return text;
}

/** Where the quoted scalar that `text` begins with ends (the index of its closing quote), or -1 if not on this line. */
function closingQuote(text: string): number {
  const quote = text[0]!;
  for (let i = 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * A quoted scalar under a key whose text goes on over the next, more indented lines, as yaml's writer folds a long one.
 * The lines are joined by a space (YAML's line folding); blank or comment lines inside, trailing spaces and escaped
 * line breaks are left to the safe loader. Returns the value and the next line to read.
 */
function quotedLines(src: Source, first: string, at: number, indent: number): [unknown, number] {
  const lines = src.lines;
  let text = first;
  let i = at + 1;
  for (;;) {
    const prev = lines[i - 1]!;
    if (src.raw[prev.at]!.trimEnd() !== src.raw[prev.at] || /\\$/.test(prev.text)) notPlain();
    const line = lines[i];
    if (!line || line.indent <= indent || line.at !== prev.at + 1) notPlain();
    text += ` ${line!.text}`;
    i++;
    if (closingQuote(text) >= 0) break;
  }
  const value = scalar(text);
  if (closingQuote(text) !== text.length - 1) notPlain();
  return [value, i];
}

/**
 * A folded (>) or literal (|) block scalar under a key at `indent`, clipped or stripped, whose lines all have the
 * same indentation (a more indented line, a keep indicator or an explicit indentation is left to the safe loader).
 * Returns the text and the index of its last line.
 */
function blockScalar(raw: string[], keyAt: number, indent: number, style: string): [string, number] {
  const content: string[] = [];
  let own = -1;
  let end = keyAt;
  for (let row = keyAt + 1; row < raw.length; row++) {
    const line = raw[row]!;
    const trimmed = line.trimStart();
    if (!trimmed) {
      content.push('');
      continue;
    }
    const ind = line.length - trimmed.length;
    if (ind <= indent) break;
    if (own === -1) own = ind;
    if (ind !== own || UNUSUAL.test(trimmed)) notPlain();
    content.push(trimmed.trimEnd() === trimmed ? trimmed : notPlain());
    end = row;
  }
  // Blank lines after the last line of text belong to what follows.
  content.length = end - keyAt;
  if (!content.length || own === -1) notPlain();
  let text: string;
  if (style.startsWith('|')) text = content.join('\n');
  else {
    text = '';
    let blank = 0;
    content.forEach((part, k) => {
      if (!part) {
        blank++;
        return;
      }
      text += k === 0 ? part : blank ? `${'\n'.repeat(blank)}${part}` : ` ${part}`;
      blank = 0;
    });
  }
  return [style.endsWith('-') ? text : `${text}\n`, end];
}

/** The value of the block that starts at lines[at] with this indent; returns it and the next line to read. */
function block(src: Source, at: number, indent: number, depth: number): [unknown, number] {
  if (depth > MAX_DEPTH) notPlain();
  const lines = src.lines;
  const first = lines[at]!;
  if (first.text === '-' || first.text.startsWith('- ')) {
    const items: unknown[] = [];
    let i = at;
    while (i < lines.length && lines[i]!.indent === indent && (lines[i]!.text === '-' || lines[i]!.text.startsWith('- '))) {
      const line = lines[i]!;
      const rest = line.text.slice(1);
      const content = rest.trimStart();
      if (!content || content.startsWith('#')) {
        // The item is the block below, if any.
        if (i + 1 < lines.length && lines[i + 1]!.indent > indent) {
          const [value, next] = block(src, i + 1, lines[i + 1]!.indent, depth + 1);
          items.push(value);
          i = next;
        } else {
          items.push(null);
          i++;
        }
        continue;
      }
      // "- key: value" or "- - x": the item is a block starting at the content's column.
      lines[i] = { indent: indent + 1 + rest.length - content.length, text: content, at: line.at };
      const [value, next] = block(src, i, lines[i]!.indent, depth + 1);
      items.push(value);
      i = next;
    }
    if (i < lines.length && lines[i]!.indent > indent) notPlain();
    return [items, i];
  }
  const map: Record<string, unknown> = {};
  let i = at;
  while (i < lines.length && lines[i]!.indent === indent) {
    const text = lines[i]!.text;
    if (text === '-' || text.startsWith('- ')) notPlain();
    const colon = text.search(/:(?: |$)/);
    if (colon <= 0) notPlain();
    const key = text.slice(0, colon);
    if (!KEY.test(key) || SPECIAL_KEY.test(key) || Object.hasOwn(map, key)) notPlain();
    const rest = text.slice(colon + 1).trimStart();
    const at = lines[i]!.at;
    i++;
    if (rest === '>-' || rest === '>' || rest === '|-' || rest === '|') {
      const [value, end] = blockScalar(src.raw, at, indent, rest);
      map[key] = value;
      while (i < lines.length && lines[i]!.at <= end) i++;
      continue;
    }
    if (/^["']/.test(rest) && closingQuote(rest) < 0) {
      const [value, next] = quotedLines(src, rest, i - 1, indent);
      map[key] = value;
      i = next;
      if (i < lines.length && lines[i]!.indent > indent) notPlain();
      continue;
    }
    if (rest && !rest.startsWith('#')) {
      let value = scalar(rest);
      // A plain scalar may go on over more indented lines, joined by spaces.
      if (typeof value === 'string' && !/^["']/.test(rest)) {
        while (i < lines.length && lines[i]!.indent > indent && lines[i]!.at === lines[i - 1]!.at + 1) {
          // After a comment the scalar has ended; a comment inside the lines is not worth being sure of.
          if (/\s#/.test(rest) || /\s#/.test(lines[i]!.text)) notPlain();
          value = `${value} ${continuation(lines[i]!.text)}`;
          i++;
        }
      }
      map[key] = value;
      if (i < lines.length && lines[i]!.indent > indent) notPlain();
      continue;
    }
    const next = lines[i];
    if (next && (next.indent > indent || (next.indent === indent && (next.text === '-' || next.text.startsWith('- '))))) {
      const [value, after] = block(src, i, next.indent, depth + 1);
      map[key] = value;
      i = after;
    } else map[key] = null;
  }
  if (i < lines.length && lines[i]!.indent > indent) notPlain();
  return [map, i];
}

/** The data of a plain YAML mapping as the safe loader would give it, or undefined if the safe loader must decide. */
export function parsePlainYaml(text: string): Record<string, unknown> | undefined {
  if (/[\t\r\uFEFF]/.test(text)) return undefined;
  const raw = text.split('\n');
  const lines: Line[] = [];
  raw.forEach((line, at) => {
    const trimmed = line.trimStart();
    if (trimmed && !trimmed.startsWith('#')) lines.push({ indent: line.length - trimmed.length, text: trimmed.trimEnd(), at });
  });
  if (raw.some((line) => /^(?:---|\.\.\.)(?:\s|$)|^%/.test(line) || line.length - line.trimStart().length > 4 * MAX_DEPTH)) return undefined;
  if (!lines.length || lines[0]!.indent !== 0) return undefined;
  try {
    const [value, next] = block({ raw, lines }, 0, 0, 1);
    if (next !== lines.length || Array.isArray(value)) return undefined;
    return value as Record<string, unknown>;
  } catch (e) {
    if (e instanceof NotPlain) return undefined;
    throw e;
  }
}

/**
 * A YAML file read as loadYamlFile (safe-yaml.ts) reads it. Plain data comes from parsePlainYaml; the yaml package's
 * document, which only finding a problem's line and column needs, is parsed from the same text when first asked for.
 * Any other text, and that document, need the safe loader: before it is loaded they throw SafeLoaderNotLoaded
 * (yaml-file.ts), for the caller to load it and try again.
 */
export function loadPlainYamlFile(file: string): YamlFile {
  const text = readTextFile(file);
  const data = parsePlainYaml(text);
  if (data === undefined) return safeLoader().parseYaml(file, text);
  let whole: YamlFile | undefined;
  const parsed = () => (whole ??= safeLoader().parseYaml(file, text));
  return {
    file,
    text,
    data,
    get doc() {
      return parsed().doc;
    },
    get lineCounter() {
      return parsed().lineCounter;
    },
  };
}
