import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { questionnaireLanguages, resolveText } from '../core/text.js';
import { formMessages } from '../i18n/form.js';
import { FORM_GENERATOR, renderFormPage } from '../form/page.js';
import type { FormPayload } from '../form/payload.js';
import { packageRoot } from '../load/index.js';
import { UserError } from '../errors.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { assessmentSource } from './assessment-source.js';
import type { SourceOptions } from './assessment-source.js';

export interface FormOptions extends SourceOptions {
  out: string;
  lang?: string;
  respondent?: string;
  force?: boolean;
}

export interface FormSummary {
  out: string;
  questionnaire: string;
  questions: number;
  languages: string[];
  bytes: number;
}

function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** The questionnaire without what scores it: a respondent sees the questions, not the levels. */
function formQuestionnaire(questionnaire: Questionnaire, hash: string): FormPayload['questionnaire'] {
  return {
    id: questionnaire.id,
    version: questionnaire.version,
    hash,
    title: questionnaire.title,
    ...(questionnaire.description ? { description: questionnaire.description } : {}),
    language: questionnaire.language,
    sections: questionnaire.sections.map((s) => ({
      id: s.id,
      title: s.title,
      ...(s.description ? { description: s.description } : {}),
      ...(s.when ? { when: s.when } : {}),
      questions: s.questions.map((x) => ({
        id: x.id,
        text: x.text,
        ...(x.help ? { help: x.help } : {}),
        options: x.options.map((o) => ({ id: o.id, label: o.label, ...(o.description ? { description: o.description } : {}) })),
        allowNa: x.allowNa,
        allowDontKnow: x.allowDontKnow,
        ...(x.when ? { when: x.when } : {}),
      })),
    })),
  };
}

/** Writes the offline survey form for a questionnaire and an assessment. */
export function writeForm(opts: FormOptions): FormSummary {
  const src = assessmentSource(opts);
  const questionnaireData = src.questionnaire;
  const languages = questionnaireLanguages(questionnaireData);
  const lang = opts.lang ?? src.assessment.language ?? questionnaireData.language;
  if (!languages.includes(lang)) throw new UserError(`${questionnaireData.id} is not written in "${lang}"; it has ${languages.join(', ')}`);
  if (existsSync(opts.out) && !opts.force) {
    let ours = false;
    try {
      ours = readFileSync(opts.out, 'utf8').includes(`<meta name="generator" content="${FORM_GENERATOR}">`);
    } catch {
      ours = false;
    }
    if (!ours) throw new UserError(`${opts.out} exists and is not a survey form itaas wrote; name another file, or replace it with --force`);
  }
  const scriptPath = join(packageRoot, 'dist', 'form', 'client.js');
  if (!existsSync(scriptPath)) throw new Error(`the form script ${scriptPath} is missing; run npm run build`);
  const script = readFileSync(scriptPath, 'utf8').trim();
  const css = readFileSync(join(packageRoot, 'templates', 'form.css'), 'utf8');
  const who = [src.assessment.organisation, src.assessment.date, opts.respondent ?? ''].join('\n');
  const payload: FormPayload = {
    questionnaire: formQuestionnaire(questionnaireData, src.hash),
    languages: languages.map((code) => ({ code, name: languageName(code) })),
    lang,
    messages: Object.fromEntries(['en', ...languages].map((code) => [code, formMessages(code)])),
    assessment: src.assessment,
    ...(opts.respondent ? { respondent: opts.respondent } : {}),
    storageKey: `itaas-form:${questionnaireData.id}@${questionnaireData.version}:${src.hash.slice(7, 23)}:${createHash('sha256').update(who).digest('hex').slice(0, 16)}`,
  };
  const html = renderFormPage(payload, script, css, resolveText(questionnaireData.title, lang, questionnaireData.language));
  writeFileAtomicSync(opts.out, html);
  return {
    out: opts.out,
    questionnaire: `${questionnaireData.id} ${questionnaireData.version}`,
    questions: questionnaireData.sections.reduce((n, s) => n + s.questions.length, 0),
    languages,
    bytes: Buffer.byteLength(html),
  };
}
