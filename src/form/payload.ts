import type { Condition } from '../schema/questionnaire.js';
import type { Text } from '../schema/common.js';
import type { FormMessages } from '../i18n/form.js';

/**
 * What the survey page carries as data: the questionnaire's words and conditions, without levels,
 * weights or dimensions (a respondent reads the questions, not how they are scored).
 */
export interface FormOption {
  id: string;
  label: Text;
  description?: Text;
}

export interface FormQuestion {
  id: string;
  text: Text;
  help?: Text;
  options: FormOption[];
  allowNa: boolean;
  allowDontKnow: boolean;
  when?: Condition;
}

export interface FormSection {
  id: string;
  title: Text;
  description?: Text;
  when?: Condition;
  questions: FormQuestion[];
}

export interface FormPayload {
  questionnaire: { id: string; version: string; hash: string; title: Text; description?: Text; language: string; sections: FormSection[] };
  /** The languages the questionnaire is written in; the first shown is `lang`. */
  languages: Array<{ code: string; name: string }>;
  lang: string;
  messages: Record<string, FormMessages>;
  assessment: { organisation: string; date: string; scope?: string; assessor?: string };
  respondent?: string;
  /** Where this form keeps progress in the browser: one key per questionnaire text and assessment. */
  storageKey: string;
}
