import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Text } from '../schema/common.js';
import { QuestionnaireFile } from '../schema/questionnaire.js';
import type { Question, Questionnaire, Section } from '../schema/questionnaire.js';
import { UserError } from '../errors.js';
import { suggest } from './rules.js';
import type { Problem } from '../errors.js';
import { loadYamlFile } from './safe-yaml.js';
import type { YamlFile } from './safe-yaml.js';
import { schemaProblems } from './validate-schema.js';
import { locate, pathString } from './safe-yaml.js';

type Path = Array<string | number>;

/** Where a part of a resolved questionnaire was written: a file and the data path inside it. */
export interface Origin {
  file: YamlFile;
  path: Path;
}

/** A questionnaire with any `extends` resolved, and where each of its sections and questions came from. */
export interface ResolvedQuestionnaire {
  file: YamlFile;
  data: Questionnaire;
  /** Parallel to data.sections: the origin of each section and of each of its questions. */
  origins: Array<{ origin: Origin; questions: Origin[] }>;
  /** The model file reference and the folder it is relative to. */
  model: { ref: string; baseDir: string };
  /** Files this questionnaire was built from, the file itself first. */
  chain: string[];
}

/** Maps a data path of the resolved questionnaire to the file and path where that value was written. */
export function originOf(r: ResolvedQuestionnaire, path: ReadonlyArray<string | number>): Origin {
  if (path[0] === 'sections' && typeof path[1] === 'number') {
    const s = r.origins[path[1]];
    if (s) {
      if (path[2] === 'questions' && typeof path[3] === 'number') {
        const q = s.questions[path[3]];
        if (q) return { file: q.file, path: [...q.path, ...path.slice(4)] };
      }
      return { file: s.origin.file, path: [...s.origin.path, ...path.slice(2)] };
    }
  }
  return { file: r.file, path: [...path] };
}

/** Plain strings are in the file's language; once merged with a file in another language, say which. */
function tag(t: Text, lang: string): Text;
function tag(t: Text | undefined, lang: string): Text | undefined;
function tag(t: Text | undefined, lang: string): Text | undefined {
  return typeof t === 'string' ? { [lang]: t } : t;
}

function tagQuestion(q: Question, lang: string): Question {
  const out: Question = {
    ...q,
    text: tag(q.text, lang),
    options: q.options.map((o) => {
      const opt = { ...o, label: tag(o.label, lang) };
      if (o.description !== undefined) opt.description = tag(o.description, lang);
      return opt;
    }),
  };
  if (q.help !== undefined) out.help = tag(q.help, lang);
  return out;
}

function tagSection(s: Section, lang: string): Section {
  const out: Section = { ...s, title: tag(s.title, lang), questions: s.questions.map((q) => tagQuestion(q, lang)) };
  if (s.description !== undefined) out.description = tag(s.description, lang);
  return out;
}

interface Working {
  section: Section;
  origin: Origin;
  questions: Array<{ question: Question; origin: Origin }>;
}

/** Every `question` a condition looks at. */
function conditionQuestions(c: unknown, out = new Set<string>()): Set<string> {
  if (c && typeof c === 'object') {
    const o = c as Record<string, unknown>;
    if (typeof o.question === 'string') out.add(o.question);
    for (const k of ['all', 'any']) if (Array.isArray(o[k])) for (const x of o[k] as unknown[]) conditionQuestions(x, out);
    if (o.not) conditionQuestions(o.not, out);
  }
  return out;
}

/**
 * Reads a questionnaire file and resolves `extends`: the extended questionnaire (built-in id or path,
 * itself possibly extending another) is loaded and changed by `drop`, `replace` and `add`, in that
 * order. Problems point at the line of the file that caused them.
 */
export function resolveQuestionnaireFile(f: YamlFile, resolveRef: (ref: string, baseDir: string) => string, stack: string[] = []): { resolved?: ResolvedQuestionnaire; problems: Problem[] } {
  const { data: raw, problems } = schemaProblems(f, QuestionnaireFile);
  if (!raw) return { problems };
  const here = dirname(f.file);
  const err = (path: Path, message: string): Problem => ({ file: f.file, ...locate(f, path), message: `${pathString(path)}: ${message}`, severity: 'error' });

  if (raw.extends === undefined) {
    const language = raw.language ?? 'en';
    const data: Questionnaire = { kind: 'questionnaire', id: raw.id, version: raw.version, title: raw.title!, language, model: raw.model!, sections: raw.sections! };
    if (raw.description !== undefined) data.description = raw.description;
    const origins = raw.sections!.map((s, i) => ({
      origin: { file: f, path: ['sections', i] },
      questions: s.questions.map((_, j) => ({ file: f, path: ['sections', i, 'questions', j] })),
    }));
    return { resolved: { file: f, data: ordered(data), origins, model: { ref: raw.model!, baseDir: here }, chain: [f.file] }, problems: [] };
  }

  // The extended questionnaire.
  let basePath: string;
  try {
    basePath = resolveRef(raw.extends, here);
  } catch (e) {
    if (e instanceof UserError) return { problems: [err(['extends'], e.message)] };
    throw e;
  }
  if (resolve(basePath) === resolve(f.file) || stack.includes(resolve(basePath))) {
    return {
      problems: [
        err(
          ['extends'],
          `extends itself (${[...stack, resolve(f.file), resolve(basePath)].map((p) => relative(process.cwd(), p) || p).join(' -> ')}); a questionnaire cannot extend one that extends it`,
        ),
      ],
    };
  }
  let baseFile: YamlFile;
  try {
    baseFile = loadYamlFile(basePath);
  } catch (e) {
    if (e instanceof UserError)
      return { problems: [err(['extends'], `cannot read the extended questionnaire: ${e.problems[0]?.message ?? e.message}`), ...e.problems.filter((p) => p.line !== undefined)] };
    throw e;
  }
  const base = resolveQuestionnaireFile(baseFile, resolveRef, [...stack, resolve(f.file)]);
  if (!base.resolved) {
    const n = base.problems.filter((p) => p.severity === 'error').length;
    return { problems: [err(['extends'], `the extended questionnaire ${basePath} has ${n} problem${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} first`), ...base.problems] };
  }
  const b = base.resolved;
  const language = raw.language ?? b.data.language;
  const retag = language !== b.data.language;
  const out: Problem[] = [];

  const sections: Working[] = b.data.sections.map((s, i) => ({
    section: retag ? tagSection(s, b.data.language) : s,
    origin: b.origins[i]!.origin,
    questions: s.questions.map((q, j) => ({ question: retag ? tagQuestion(q, b.data.language) : q, origin: b.origins[i]!.questions[j]! })),
  }));
  const findSection = (id: string) => sections.findIndex((s) => s.section.id === id);
  const findQuestion = (id: string): [number, number] | undefined => {
    for (let i = 0; i < sections.length; i++) {
      const j = sections[i]!.questions.findIndex((q) => q.question.id === id);
      if (j >= 0) return [i, j];
    }
    return undefined;
  };
  const allIds = () => sections.flatMap((s) => [s.section.id, ...s.questions.map((q) => q.question.id)]);
  const dropped = new Map<string, number>();
  const whereDropped = (id: string) => (dropped.has(id) ? ` ("${id}" is dropped above)` : '');

  // drop
  (raw.drop ?? []).forEach((id, i) => {
    const si = findSection(id);
    if (si >= 0) {
      for (const q of sections[si]!.questions) dropped.set(q.question.id, i);
      sections.splice(si, 1);
      dropped.set(id, i);
      return;
    }
    const at = findQuestion(id);
    if (!at) {
      out.push(err(['drop', i], dropped.has(id) ? `"${id}" is already dropped` : `the extended questionnaire has no question or section "${id}"${suggest(id, allIds())}`));
      return;
    }
    const s = sections[at[0]]!;
    s.questions.splice(at[1], 1);
    dropped.set(id, i);
    if (s.questions.length === 0) out.push(err(['drop', i], `dropping "${id}" leaves section "${s.section.id}" without questions; drop the section instead`));
  });

  // replace
  (raw.replace ?? []).forEach((change, i) => {
    if ('question' in change) {
      const q = change.question;
      const at = findQuestion(q.id);
      if (!at) {
        out.push(
          err(
            ['replace', i, 'question', 'id'],
            `the extended questionnaire has no question "${q.id}"${whereDropped(q.id)}${
              dropped.has(q.id)
                ? ''
                : suggest(
                    q.id,
                    sections.flatMap((s) => s.questions.map((x) => x.question.id)),
                  )
            }; to add a new question, use "add"`,
          ),
        );
        return;
      }
      sections[at[0]]!.questions[at[1]] = { question: q, origin: { file: f, path: ['replace', i, 'question'] } };
    } else {
      const s = change.section;
      const si = findSection(s.id);
      if (si < 0) {
        out.push(
          err(
            ['replace', i, 'section', 'id'],
            `the extended questionnaire has no section "${s.id}"${whereDropped(s.id)}${
              dropped.has(s.id)
                ? ''
                : suggest(
                    s.id,
                    sections.map((x) => x.section.id),
                  )
            }; to add a new section, use "add"`,
          ),
        );
        return;
      }
      sections[si] = {
        section: s,
        origin: { file: f, path: ['replace', i, 'section'] },
        questions: s.questions.map((q, j) => ({ question: q, origin: { file: f, path: ['replace', i, 'section', 'questions', j] } })),
      };
    }
  });

  // add
  (raw.add ?? []).forEach((change, i) => {
    if ('section' in change) {
      const s = change.section;
      if (findSection(s.id) >= 0) {
        out.push(err(['add', i, 'section', 'id'], `there already is a section "${s.id}"; to change it, use "replace"`));
        return;
      }
      let pos = sections.length;
      if (change.after !== undefined) {
        const ai = findSection(change.after);
        if (ai < 0) {
          out.push(
            err(
              ['add', i, 'after'],
              `no section "${change.after}"${whereDropped(change.after)}${suggest(
                change.after,
                sections.map((x) => x.section.id),
              )}`,
            ),
          );
          return;
        }
        pos = ai + 1;
      }
      sections.splice(pos, 0, {
        section: s,
        origin: { file: f, path: ['add', i, 'section'] },
        questions: s.questions.map((q, j) => ({ question: q, origin: { file: f, path: ['add', i, 'section', 'questions', j] } })),
      });
      return;
    }
    const q = change.question;
    const si = findSection(change.into);
    if (si < 0) {
      out.push(
        err(
          ['add', i, 'into'],
          `no section "${change.into}"${whereDropped(change.into)}${
            dropped.has(change.into)
              ? ''
              : suggest(
                  change.into,
                  sections.map((x) => x.section.id),
                )
          }`,
        ),
      );
      return;
    }
    const existing = findQuestion(q.id);
    if (existing) {
      out.push(err(['add', i, 'question', 'id'], `there already is a question "${q.id}" (in section "${sections[existing[0]]!.section.id}"); to change it, use "replace"`));
      return;
    }
    const target = sections[si]!;
    let pos = target.questions.length;
    if (change.after !== undefined) {
      const ai = target.questions.findIndex((x) => x.question.id === change.after);
      if (ai < 0) {
        out.push(
          err(
            ['add', i, 'after'],
            `section "${change.into}" has no question "${change.after}"${whereDropped(change.after)}${suggest(
              change.after,
              target.questions.map((x) => x.question.id),
            )}`,
          ),
        );
        return;
      }
      pos = ai + 1;
    }
    target.questions.splice(pos, 0, { question: q, origin: { file: f, path: ['add', i, 'question'] } });
  });

  // A question that stays may not look at one that was dropped.
  if (dropped.size) {
    for (const s of sections) {
      const users = [{ id: s.section.id, when: s.section.when, what: 'section' }, ...s.questions.map((q) => ({ id: q.question.id, when: q.question.when, what: 'question' }))];
      for (const u of users) {
        for (const ref of conditionQuestions(u.when)) {
          const di = dropped.get(ref);
          if (di === undefined) continue;
          out.push(err(['drop', di], `${u.what} "${u.id}" is shown only depending on the answer to "${ref}", which is dropped; drop or replace "${u.id}" too`));
        }
      }
    }
  }
  if (out.length) return { problems: out };

  const modelRef = raw.model !== undefined ? { ref: raw.model, baseDir: here } : b.model;
  const modelText = raw.model ?? portableRef(b.model, here);
  const data: Questionnaire = {
    kind: 'questionnaire',
    id: raw.id,
    version: raw.version,
    title: raw.title ?? (retag ? tag(b.data.title, b.data.language) : b.data.title),
    language,
    model: modelText,
    sections: sections.map((s) => ({ ...s.section, questions: s.questions.map((q) => q.question) })),
  };
  const description = raw.description ?? (retag ? tag(b.data.description, b.data.language) : b.data.description);
  if (description !== undefined) data.description = description;
  return {
    resolved: {
      file: f,
      data: ordered(data),
      origins: sections.map((s) => ({ origin: s.origin, questions: s.questions.map((q) => q.origin) })),
      model: modelRef,
      chain: [f.file, ...b.chain],
    },
    problems: [],
  };
}

/** A model reference as the extending file would write it: built-in ids stay, paths become relative to it. */
function portableRef(model: { ref: string; baseDir: string }, here: string): string {
  if (!/[/\\]/.test(model.ref) && !/\.ya?ml$/i.test(model.ref)) return model.ref;
  const abs = isAbsolute(model.ref) ? model.ref : resolve(model.baseDir, model.ref);
  return relative(here, abs).split('\\').join('/') || abs;
}

/** The same key order whichever way the questionnaire was built, so hashes and output do not depend on it. */
function ordered(q: Questionnaire): Questionnaire {
  const out: Questionnaire = { kind: q.kind, id: q.id, version: q.version, title: q.title, language: q.language, model: q.model, sections: q.sections };
  if (q.description !== undefined) out.description = q.description;
  return out;
}
