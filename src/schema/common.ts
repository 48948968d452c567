import { z } from 'zod';

/** A slug: lower-case letters, digits and single hyphens, starting with a letter. */
export const Id = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be a slug: lower-case letters, digits and hyphens, starting with a letter (e.g. "service-catalogue")')
  .max(64)
  .describe('A stable slug id: lower-case letters, digits and hyphens.');

export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'must be a language code such as "en" or "de"')
  .describe('A language code such as "en", "de" or "pt-BR".');

/**
 * Any user-facing text: a plain string in the file's default language, or a map of language code to
 * text (`{en: ..., de: ...}`).
 */
export const Text = z
  .union([z.string().min(1), z.record(LanguageCode, z.string().min(1)).refine((m) => Object.keys(m).length > 0, 'needs at least one language')])
  .describe('Text shown to people: a string, or a map of language code to string ({en: ..., de: ...}).');
export type Text = z.infer<typeof Text>;

export const SemVer = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as "1.0.0"')
  .describe('A semantic version, e.g. "1.2.0".');

/**
 * The days that exist in the (proleptic Gregorian) calendar, YYYY-MM-DD: 31-day months, 30-day
 * months, February to the 28th, and February 29th in years divisible by 4 but not by 100, or by 400.
 * A pattern rather than a refinement, so that the JSON Schema and the validators generated from it
 * check exactly what zod checks.
 */
const REAL_DATE =
  /^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$/;

/** YYYY-MM-DD, a real calendar date. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .regex(REAL_DATE, 'is not a real calendar date')
  .describe('A calendar date, YYYY-MM-DD.');
