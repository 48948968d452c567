import { answerParts } from '../schema/answer-parts.js';
import type { ReportContext } from './context.js';
import type { RenderOptions } from './formats.js';
import { addMonths } from './summary.js';
import { renderTemplate, templateData } from './templates.js';

/** Direction overrides and isolates, C0 and C1 controls: they would let a note reorder or hide what follows. */
const HIDDEN_CHARS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const HIDDEN = new RegExp(`[${HIDDEN_CHARS}]`, 'g');
/** U+2060 WORD JOINER: invisible, and no autolinker takes a scheme, "www" or a mail address across it. */
const JOIN = '\u2060';

/**
 * Escaped text by its source. Reports escape the same model and questionnaire texts again and again,
 * and a batch does it for every file. One report escapes about 600 distinct texts; in a batch each file adds
 * some ten of its own (its organisation's name in a sentence), never asked for again. The cache is emptied at
 * 2,000 entries: the shared texts are back after one file, and a batch of thousands no longer keeps some
 * 40,000 sentences of files long done (it held 10 MB more at 5,000 files than at 1,000).
 */
const escaped = new Map<string, string>();
const cells = new Map<string, string>();
function remember(cache: Map<string, string>, s: string, value: string): string {
  if (cache.size >= 2_000) cache.clear();
  cache.set(s, value);
  return value;
}

/**
 * Text none of escapeUncached's rules can touch: no hidden character, no markup character, no line
 * start that could open a block, nothing a link could start from (":" "@" "www"). Most words, names
 * and numbers in a report are such text and are returned as they are.
 */
const PLAIN = new RegExp(`^(?![ \\t]*(?:#|[-+=]|\\d+[.)]))(?![\\s\\S]*www)[^${HIDDEN_CHARS}\\u0000-\\u001f\\\\\`*_[\\]<>|~&(@:]*$`, 'i');

/** Escapes text for Markdown prose: nothing a respondent typed can become markup, HTML or a link. */
export function mdEscape(s: string): string {
  if (PLAIN.test(s)) return s;
  return escaped.get(s) ?? remember(escaped, s, escapeUncached(s));
}

function escapeUncached(s: string): string {
  return (
    s
      .replace(HIDDEN, '')
      // Inline markup, links, HTML and table pipes; "&" only where it would start an entity.
      .replace(/[\\`*_[\]<>|~]|&(?=#?\w+;)|(?<=\])\(/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
      // Block markup at the start of any line: headings, rules and setext underlines, list markers
      // (quotes are already &gt;), indented code.
      .replace(/^([ \t]*)(#+|[-+=]|\d+[.)])/gm, (_m, sp: string, mark: string) => `${sp.length >= 4 ? '' : sp}${mark.slice(0, -1)}\\${mark.slice(-1)}`)
      // Bare URLs, www. addresses and e-mail addresses that GitHub would turn into links.
      .replace(/\b([a-z][a-z0-9+.-]*)(?=:\/\/)|\b(www)(?=\.)|(?<=[\w.+-])@(?=[\w-]+\.)|\b(mailto|xmpp)(?=:)/gi, (m) => (m === '@' ? `${JOIN}@` : `${m}${JOIN}`))
  );
}

/** Escapes text for a table cell: also keeps the row on one line. */
export function mdCell(s: string): string {
  return (
    cells.get(s) ??
    remember(
      cells,
      s,
      mdEscape(
        s
          .replace(/\r\n?|\n/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ) || ' ',
    )
  );
}

/** Words that start a directive in a Mermaid Gantt chart; a label starting with one would be read as it. */
const GANTT_KEYWORD = /^(title|section|dateformat|axisformat|tickinterval|excludes|includes|todaymarker|weekday|weekend|inclusiveenddates|topaxis|click|call|acctitle|accdescr|displaymode|gantt)\b/i;

/** Mermaid labels cannot hold colons, semicolons, hashes or line breaks; keep them plain and inert. */
function mermaidLabel(s: string): string {
  const plain = s
    .replace(HIDDEN, '')
    .replace(/[:;#<>"`{}[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return GANTT_KEYWORD.test(plain) ? `${JOIN}${plain}` : plain;
}

/** A Markdown table from cells that are already escaped (use `cell`). */
/** A Markdown table; cells must already be escaped (mdCell). */
export function table(head: string[], rows: string[][], align?: string[]): string {
  const sep = head.map((_, i) => align?.[i] ?? '---');
  return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** What the Markdown template sees as `it`. `<%= %>` escapes with mdEscape; `<%~ %>` writes as is. */
export function markdownData(ctx: ReportContext) {
  return {
    ...templateData(ctx, 'md'),
    e: mdEscape,
    cell: mdCell,
    table,
    mermaid: mermaidLabel,
    fmt: ctx.num,
    pct: (x: number) => ctx.pct(Math.round(x * 100)),
    addMonths,
    answerParts,
  };
}

/** One function for the run, so that every report shares the compiled template (see renderTemplate). */
const escapeMarkdown = (s: unknown) => mdEscape(String(s));

export function renderMarkdown(ctx: ReportContext, opts: RenderOptions = {}): string {
  const text = renderTemplate('report.md.eta', markdownData(ctx), { templatesDir: opts.templatesDir, escape: escapeMarkdown, autoTrim: false });
  // Templates may leave extra blank lines around their logic; Markdown gives them no meaning.
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
