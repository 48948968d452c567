import { answerParts } from '../schema/answers.js';
import type { ReportContext } from './context.js';
import type { RenderOptions } from './index.js';
import { addMonths } from './summary.js';
import { renderTemplate, templateData } from './templates.js';

/** Escapes text for Markdown prose: nothing a respondent typed can become markup or HTML. */
export function mdEscape(s: string): string {
  return (
    s
      // Inline markup, links, HTML and table pipes; "&" only where it would start an entity.
      .replace(/[\\`*_[\]<>|~]|&(?=#?\w+;)|(?<=\])\(/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
      // Block markup at the start of a line: headings, list markers (quotes are already &gt;).
      .replace(/^(\s*)(#|[+-]|\d+[.)])(?=\s|$)/gm, (_m, sp: string, mark: string) => `${sp}${mark.slice(0, -1)}\\${mark.slice(-1)}`)
      // Direction overrides and control characters would let a note reorder or hide what follows.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
  );
}

/** Escapes text for a table cell: also keeps the row on one line. */
export function mdCell(s: string): string {
  return mdEscape(s.replace(/\r\n?|\n/g, ' ').replace(/\s+/g, ' ').trim()) || ' ';
}

/** Mermaid labels cannot hold colons, semicolons or hashes; keep them plain. */
function mermaidLabel(s: string): string {
  return s.replace(/[:;#<>"`{}[\]]/g, ' ').replace(/\s+/g, ' ').trim();
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
    ...templateData(ctx),
    e: mdEscape,
    cell: mdCell,
    table,
    mermaid: mermaidLabel,
    fmt: ctx.num,
    pct: (x: number) => `${Math.round(x * 100)}%`,
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
