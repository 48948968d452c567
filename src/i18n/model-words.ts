import type { Text } from '../schema/common.js';
import type { Terms } from '../schema/model.js';
import type { Messages } from './en.js';

/** The model's words for its concepts ("phase", "overall score") in one language. */
export type Words = Record<keyof Messages['terms'], string>;

/** The model's words for its concepts (`terms`, resolved by `resolve`), each falling back to the catalogue's neutral one. */
export function modelWords(catalogue: Messages, terms: Terms, resolve: (text: Text | undefined) => string): Words {
  return Object.fromEntries(Object.entries(catalogue.terms).map(([key, fallback]) => [key, resolve(terms[key as keyof Words]) || fallback])) as Words;
}
