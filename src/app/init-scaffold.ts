import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { resolveText } from '../core/text.js';
import { builtinDir, loadQuestionnaire, packageRoot } from '../load/index.js';
import type { Text } from '../schema/common.js';
import type { Question } from '../schema/questionnaire.js';

/** The built-in questionnaire a new questionnaire extends. */
const BASE = 'itaas-core';

export type ScaffoldKind = 'questionnaire' | 'standalone' | 'model';

/** YAML text as a comment block, indented so that removing the "#" leaves it at the right depth. */
const commentBlock = (text: string, indent: number) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => `# ${' '.repeat(indent)}${line}`)
    .join('\n');

/** The first section and questions of the built-in questionnaire, in English, for the examples. */
function builtinExamples(): { section: string; first: Question; second: string } {
  const { questionnaire } = loadQuestionnaire(join(builtinDir('questionnaires'), `${BASE}.yaml`));
  const section = questionnaire.data.sections[0]!;
  return { section: section.id, first: section.questions[0]!, second: section.questions[1]?.id ?? section.questions[0]!.id };
}

/** A question as a short YAML block: id, dimension, text and options (id, level, label) in one language. */
function questionBlock(question: Question, lang: string, fileLang: string): string {
  const text = (x: Text | undefined) => resolveText(x, lang, fileLang).replace(/\s+/g, ' ').trim();
  const flow = (v: string) => stringify(v, { lineWidth: 0 }).trimEnd();
  const lines = [`id: ${question.id}`, `dimension: ${question.dimension}`, ...(question.weight !== 1 ? [`weight: ${question.weight}`] : []), `text: ${flow(text(question.text))}`, 'options:'];
  for (const option of question.options) lines.push(`  - {id: ${option.id}, level: ${option.level}, label: ${JSON.stringify(text(option.label))}}`);
  return lines.join('\n');
}

/** Fills the {{placeholders}} of a scaffold in templates/init/; a placeholder without a value is a bug. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`templates/init: no value for {{${key}}}`);
    return value;
  });
}

/** The text of a new, commented, valid starting file; `schema` is the text of its first comment line (the editor's `$schema` hint). */
export function scaffoldText(kind: ScaffoldKind, name: string, schema: string): string {
  const template = readFileSync(join(packageRoot, 'templates', 'init', `${kind}.yaml.tmpl`), 'utf8');
  const values: Record<string, string> = { name, schema, base: BASE };
  if (kind === 'questionnaire') {
    const examples = builtinExamples();
    Object.assign(values, { second: examples.second, section: examples.section, first: String(examples.first.id), replaceQuestion: commentBlock(questionBlock(examples.first, 'en', 'en'), 6) });
  }
  return fill(template, values);
}
