import { createHash } from 'node:crypto';
import { escapeHtml } from '../report/html.js';
import type { FormPayload } from './payload.js';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Marks a file as a form itaas wrote, so writing the form again may replace it. */
export const FORM_GENERATOR = 'itaas survey form';

/**
 * The survey page: one file, no network. The script and the stylesheet are inline and pinned by hash
 * in the Content-Security-Policy; nothing may be fetched, framed or submitted. The questionnaire is a
 * JSON data block (never executed) that the script renders with DOM text nodes.
 */
export function renderFormPage(payload: FormPayload, script: string, css: string, title: string): string {
  if (/<\/script/i.test(script)) throw new Error('the form script contains "</script"; it cannot be inlined');
  const json = JSON.stringify(payload)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const csp = ["default-src 'none'", `script-src ${hash(script)}`, `style-src ${hash(css)}`, "connect-src 'none'", "img-src 'none'", "font-src 'none'", "form-action 'none'", "base-uri 'none'"].join(
    '; ',
  );
  return `<!DOCTYPE html>
<html lang="${escapeHtml(payload.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${FORM_GENERATOR}">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<header class="top">
<div class="bar"><span id="form-title">${escapeHtml(title)}</span><label><span id="lang-label">Language</span> <select id="lang"></select></label></div>
<div id="progress" hidden></div>
</header>
<main id="main" tabindex="-1"><noscript><p>This form needs JavaScript, which your browser has turned off for this file. Open it in a current browser with JavaScript on.</p></noscript></main>
<div id="live" class="sr-only" aria-live="polite"></div>
<script type="application/json" id="itaas-form-data">${json}</script>
<script>${script}</script>
</body>
</html>
`;
}
