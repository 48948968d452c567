import { createHash } from 'node:crypto';
import type { Questionnaire } from '../schema/questionnaire.js';

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/**
 * The content hash of a resolved questionnaire (after `extends`), written into answers files as
 * `sha256:<hex>`. It changes whenever a question, option, level or condition changes, and not when
 * only comments, formatting or key order in the YAML do.
 */
export function questionnaireHash(q: Questionnaire): string {
  return `sha256:${createHash('sha256').update(canonicalJson(q)).digest('hex')}`;
}
