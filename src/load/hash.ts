import { createHash } from 'node:crypto';
import type { Questionnaire } from '../schema/questionnaire.js';

/** JSON with object keys sorted at every level, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * The content hash of a resolved questionnaire (after `extends`), written into answers files as
 * `sha256:<hex>`. It changes whenever a question, option, level or condition changes, and not when
 * only comments, formatting or key order in the YAML do.
 */
export function questionnaireHash(questionnaire: Questionnaire): string {
  return `sha256:${createHash('sha256').update(canonicalJson(questionnaire)).digest('hex')}`;
}
