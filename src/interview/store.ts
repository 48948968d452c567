import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { realTarget } from './lock.js';
import { Document, isMap, isScalar, isSeq, YAMLMap } from 'yaml';
import type { Pair, Scalar, YAMLSeq } from 'yaml';
import { resolveText } from '../core/text.js';
import { questionnaireHash } from '../load/hash.js';
import { loadAssessment, loadQuestionnaire, resolveRef } from '../load/index.js';
import { formatProblem, UserError } from '../errors.js';
import { parseYaml } from '../load/safe-yaml.js';
import { MAX_FILE_BYTES } from '../load/yaml-file.js';
import { schemaComment } from '../load/schema-ref.js';
import { schemaProblems } from '../load/validate-schema.js';
import { Answers } from '../schema/answers.js';
import type { Respondent } from '../schema/answers.js';
import type { Model } from '../schema/model.js';
import type { Questionnaire } from '../schema/questionnaire.js';
import { itaasCommand } from '../ui.js';

/**
 * The answers file of an interview, kept as a YAML document and edited in place so that comments and
 * layout a person added survive every rewrite. Each change is written at once, atomically (temp file,
 * fsync, rename, then fsync of the folder), and only after the new text has been read back and found
 * valid. A file that failed to load is never opened as a store, so it is never rewritten.
 */

export interface AssessmentInfo {
  organisation: string;
  scope?: string;
  date: string;
  assessor?: string;
}

export interface QuestionnaireRef {
  /** Absolute path of the questionnaire file. */
  path: string;
  data: Questionnaire;
}

/**
 * The `questionnaire:` block of an answers file: the one place it is written, so that a content hash or
 * a language can be added here later. A built-in questionnaire is named by id only; any other file is
 * also named by its path relative to the answers file, so that a resumed interview and `itaas report`
 * find it again.
 */
export function questionnaireBlock(ref: QuestionnaireRef, answersPath: string): Answers['questionnaire'] {
  const block: Answers['questionnaire'] = { id: ref.data.id, version: ref.data.version, hash: questionnaireHash(ref.data) };
  if (!isBuiltin(ref)) block.path = pathFrom(dirname(resolve(answersPath)), resolve(ref.path));
  return block;
}

/** Relative where the two share a top folder (a project checked out anywhere), else absolute. */
function pathFrom(dir: string, target: string): string {
  const top = (p: string) => p.split(sep).filter(Boolean)[0];
  const rel = relative(dir, target);
  return top(dir) === top(target) && !isAbsolute(rel) ? rel.split(sep).join('/') : target;
}

function isBuiltin(ref: QuestionnaireRef): boolean {
  try {
    return resolve(resolveRef(ref.data.id, 'questionnaires', process.cwd())) === resolve(ref.path);
  } catch {
    return false;
  }
}

/** What went wrong with an answers file, worded for the person at the keyboard. */
export function describeLoadError(path: string, error: UserError): UserError {
  const detail = error.problems.length ? error.problems.map(formatProblem).join('\n') : `${path}: ${error.message}`;
  return new UserError(
    `${path} cannot be used for this interview:\n${detail}\n` +
      `The file was left unchanged. Fix it by hand (\`itaas validate ${path}\` lists every problem), ` +
      `give the questionnaire it was written for with --questionnaire FILE, or name a new file with --answers.`,
    error.problems,
  );
}

/** A save refused because the file would grow past the size every command accepts. */
export class TooLarge extends UserError {
  constructor(
    readonly path: string,
    /** The size the file would have had, in bytes. */
    readonly size: number,
  ) {
    super(`this would make ${path} ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit every itaas command enforces; it was not saved. Shorten the note.`);
  }

  /** Bytes past the limit. */
  get over(): number {
    return this.size - MAX_FILE_BYTES;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(realTarget(path), 'utf8');
  } catch {
    return undefined;
  }
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** A respondent's name as stored: trimmed, inner spaces single, no zero-width characters, NFC. */
export function normaliseName(name: string): string {
  return name.replace(ZERO_WIDTH, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Names that look alike to a reader (case, compatibility forms, zero-width characters) share a key. */
export function nameKey(name: string): string {
  return normaliseName(name).normalize('NFKC').toLocaleLowerCase('en');
}

export class AnswersStore {
  private constructor(
    readonly path: string,
    private doc: Document,
    private current: Answers,
    readonly questionnaire: Questionnaire,
    readonly model: Model,
    readonly questionnairePath: string,
  ) {}

  /** Opens an existing answers file; refuses (exit 2, file untouched) if it is unreadable, invalid or for another questionnaire. */
  static open(path: string, questionnaireOverride?: string): AnswersStore {
    let assessment: ReturnType<typeof loadAssessment>;
    try {
      assessment = loadAssessment(path, { questionnaire: questionnaireOverride });
    } catch (e) {
      if (e instanceof UserError) throw describeLoadError(path, e);
      throw e;
    }
    const store = new AnswersStore(path, assessment.answers.file.doc, assessment.answers.data, assessment.questionnaire.data, assessment.model.data, assessment.questionnaire.path);
    store.onDisk = readText(path);
    store.eol = /\r\n/.test(assessment.answers.file.text) ? '\r\n' : '\n';
    return store;
  }

  /** The file's text as this store last read or wrote it: a difference is a change made by hand. */
  private onDisk: string | undefined;
  /** The file's own line ending, kept on every save. */
  private eol: '\n' | '\r\n' = '\n';

  /**
   * Creates a new answers file for an assessment and writes it at once; with `{ unsaved: true }` the
   * file is first written by the end of a `batch` (so a merge into a new file is one whole write).
   */
  static create(path: string, questionnairePath: string, info: AssessmentInfo, opts: { unsaved?: boolean; header?: string } = {}): AnswersStore {
    if (existsSync(path)) throw new UserError(`${path} already exists; resume it instead of creating it again`);
    const { questionnaire, model } = loadQuestionnaire(questionnairePath);
    const assessment: Answers['assessment'] = { organisation: info.organisation, ...(info.scope ? { scope: info.scope } : {}), date: info.date };
    if (info.assessor) assessment.assessor = info.assessor;
    const doc = new Document({
      kind: 'answers',
      questionnaire: questionnaireBlock({ path: questionnairePath, data: questionnaire.data }, path),
      assessment,
      respondents: [],
    });
    doc.commentBefore = [
      schemaComment(path, 'answers', itaasCommand()),
      '',
      // The comment is English, so the model's own English words for what is assessed, else neutral ones.
      opts.header ?? ` Answers of ${resolveText(model.data.terms?.assessment, 'en', model.data.language) || 'a maturity assessment'}, saved by \`itaas assess\` after every answer.`,
      ` You may edit it by hand and add comments; they are kept. \`itaas report ${path.split(sep).join('/')}\` scores it.`,
    ].join('\n');
    const store = new AnswersStore(path, doc, Answers.parse(doc.toJS()), questionnaire.data, model.data, questionnaire.path);
    if (opts.unsaved) store.dirty = true;
    else store.save();
    return store;
  }

  private batching = 0;
  private dirty = false;

  /**
   * Runs several changes and writes the file once at the end, so that they land together or not at
   * all: if `fn` throws, nothing is written.
   */
  batch<T>(fn: () => T): T {
    this.batching++;
    let result: T;
    try {
      result = fn();
    } finally {
      this.batching--;
    }
    if (this.batching === 0 && this.dirty) this.save();
    return result;
  }

  /** Sets (or, with undefined, removes) a respondent's role or last-changed stamp, and saves. */
  setRespondentField(index: number, key: 'role' | 'updated', value: string | undefined): void {
    this.putRespondentField(index, key, value);
    if (key !== 'updated') this.stamp(index);
    this.save();
  }

  private putRespondentField(index: number, key: 'role' | 'updated', value: string | undefined): void {
    const node = this.doc.getIn(['respondents', index], true);
    if (!isMap(node)) throw new Error(`respondent ${index} is not a map`);
    if (value === undefined) node.delete(key);
    else if (node.has(key)) node.set(key, value);
    else if (key === 'role') node.items.splice(Math.min(node.items.length, 1), 0, this.doc.createPair('role', value));
    else {
      const at = node.items.findIndex((p) => isScalar(p.key) && p.key.value === 'answers');
      node.items.splice(at < 0 ? node.items.length : at, 0, this.doc.createPair(key, value));
    }
  }

  /** The clock that stamps changes to a respondent (see `stampChanges`); none: no stamps. */
  private clock: (() => Date) | undefined;

  /**
   * From now on every change to a respondent (an answer, a note, the role, finishing) also sets its
   * `updated` time, in the same write, as the survey form does: `itaas merge --prefer newer` goes by it.
   */
  stampChanges(clock: () => Date = () => new Date()): void {
    this.clock = clock;
  }

  private stamp(index: number): void {
    if (this.clock) this.putRespondentField(index, 'updated', this.clock().toISOString());
  }

  /**
   * Sets (or, with undefined, removes) one detail of the assessment and saves. A new key goes where a
   * person reads it: organisation, scope, date, assessor, in that order.
   */
  setAssessmentField(key: 'organisation' | 'scope' | 'date' | 'assessor', value: string | undefined): void {
    const node = this.doc.get('assessment', true);
    if (!isMap(node)) throw new Error('the assessment is not a map');
    if (value === undefined) node.delete(key);
    else if (node.has(key)) node.set(key, value);
    else {
      const order = ['organisation', 'scope', 'date', 'assessor'];
      const at = node.items.findIndex((p) => isScalar(p.key) && order.indexOf(String(p.key.value)) > order.indexOf(key));
      node.items.splice(at < 0 ? node.items.length : at, 0, this.doc.createPair(key, value));
    }
    this.save();
  }

  get data(): Answers {
    return this.current;
  }

  respondent(index: number): Respondent {
    return this.current.respondents[index]!;
  }

  /** Adds a respondent and saves; returns their index. */
  addRespondent(typed: string, role?: string): number {
    const name = normaliseName(typed);
    const twin = this.current.respondents.find((r) => nameKey(r.name) === nameKey(name));
    if (twin) throw new UserError(`${this.path} already has a respondent named "${twin.name}"${twin.name === name ? '' : ` ("${name}" looks the same)`}`);
    let seq = this.doc.get('respondents', true);
    if (!isSeq(seq)) {
      seq = this.doc.createNode([]);
      this.doc.set('respondents', seq);
    }
    const list = seq as YAMLSeq;
    list.flow = false;
    const entry: Record<string, unknown> = { name };
    if (role) entry.role = role;
    entry.completed = false;
    if (this.clock) entry.updated = this.clock().toISOString();
    entry.answers = {};
    list.items.push(this.doc.createNode(entry));
    this.save();
    // Counted in the document: inside a batch the parsed answers are only refreshed by the final save.
    return list.items.length - 1;
  }

  /** Records one answer (an option id, "na" or "dontKnow", with an optional note) and saves. */
  setAnswer(index: number, questionId: string, option: string, note?: string): void {
    this.putAnswer(index, questionId, option, note);
    this.stamp(index);
    this.save();
  }

  /**
   * Throws TooLarge, and changes nothing, if the file could not take this answer: a note typed before
   * the answer is checked with the longest option it may be saved with.
   */
  checkAnswer(index: number, questionId: string, option: string, note?: string): void {
    const kept = this.doc;
    this.doc = kept.clone();
    try {
      this.putAnswer(index, questionId, option, note);
      this.stamp(index);
      const size = Buffer.byteLength(this.serialise(), 'utf8');
      if (size > MAX_FILE_BYTES) throw new TooLarge(this.path, size);
    } finally {
      this.doc = kept;
    }
  }

  private putAnswer(index: number, questionId: string, option: string, note?: string): void {
    const answers = this.answersMap(index);
    const hasNote = note !== undefined && note !== '';
    const pair = answers.items.find((p) => isScalar(p.key) && p.key.value === questionId) as Pair<Scalar, unknown> | undefined;
    if (pair && isMap(pair.value)) {
      // Keep the map (and any comments on it); change only what was answered.
      pair.value.set('option', option);
      if (hasNote) pair.value.set('note', note);
      else pair.value.delete('note');
    } else if (pair && isScalar(pair.value) && !hasNote) {
      pair.value.value = option;
    } else {
      const node = this.doc.createNode(hasNote ? { option, note } : option);
      if (pair) {
        if (isScalar(pair.value) && pair.value.comment) (node as { comment?: string | null }).comment = pair.value.comment;
        pair.value = node;
      } else {
        answers.items.splice(this.insertAt(answers, questionId), 0, this.doc.createPair(questionId, node) as Pair<Scalar, unknown>);
      }
    }
  }

  setCompleted(index: number, completed: boolean): void {
    const node = this.doc.getIn(['respondents', index], true);
    if (!isMap(node)) throw new Error(`respondent ${index} is not a map`);
    if (node.has('completed')) node.set('completed', completed);
    else node.items.splice(Math.min(node.items.length, node.has('role') ? 2 : 1), 0, this.doc.createPair('completed', completed));
    this.stamp(index);
    this.save();
  }

  private answersMap(index: number): YAMLMap {
    const node = this.doc.getIn(['respondents', index], true);
    if (!isMap(node)) throw new Error(`respondent ${index} is not a map`);
    const found: unknown = node.get('answers', true);
    let map: YAMLMap;
    if (isMap(found)) map = found;
    else {
      map = new YAMLMap(this.doc.schema);
      node.set('answers', map);
    }
    map.flow = false;
    return map;
  }

  /** Where a new answer goes so the file lists answers in questionnaire order, as a person reads it. */
  private insertAt(map: YAMLMap, questionId: string): number {
    const order = this.questionnaire.sections.flatMap((s) => s.questions.map((q) => q.id));
    const rank = order.indexOf(questionId);
    const i = map.items.findIndex((pair) => {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      const itsRank = order.indexOf(k);
      return itsRank > rank;
    });
    return i < 0 ? map.items.length : i;
  }

  /** The file's text as it would be written now. */
  private serialise(): string {
    const text = this.doc.toString({ lineWidth: 0 });
    return this.eol === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text;
  }

  /**
   * Serialises, checks the text reads back as valid answers, then replaces the file atomically. If the
   * save fails, the change is dropped: the document goes back to what the file holds, so that a refused
   * note does not come back with the next answer.
   */
  private save(): void {
    if (this.batching > 0) {
      this.dirty = true;
      return;
    }
    try {
      this.write();
    } catch (e) {
      if (this.onDisk !== undefined) {
        this.doc = parseYaml(this.path, this.onDisk).doc;
        this.dirty = false;
      }
      throw e;
    }
  }

  private write(): void {
    const onDisk = readText(this.path);
    if (this.onDisk !== undefined && onDisk !== undefined && onDisk !== this.onDisk) this.mergeFromDisk(onDisk);
    const text = this.serialise();
    const size = Buffer.byteLength(text, 'utf8');
    // Every command refuses a file over the limit: never write one.
    if (size > MAX_FILE_BYTES) throw new TooLarge(this.path, size);
    const reread = parseYaml(this.path, text);
    const { data, problems } = schemaProblems(reread, Answers);
    if (!data) throw new Error(`refusing to save answers that would not read back:\n${problems.map(formatProblem).join('\n')}`);
    // Through an alias the file it names is updated (and the link kept), as an editor would.
    writeFileAtomicSync(realTarget(this.path), text, { shownAs: this.path });
    this.dirty = false;
    this.onDisk = text;
    this.current = data;
  }

  /**
   * The file changed on disk since it was read (a person edited it while the interview waited). Their
   * version is taken as the base, and the respondents this run changed are carried over into it; other
   * respondents, the assessment details and comments stay as they are on disk. If the same respondent
   * was changed in both, or the file no longer reads as answers for this questionnaire, nothing is
   * saved and the interview stops with what to do.
   */
  private mergeFromDisk(text: string): void {
    const stop = (why: string) =>
      new UserError(`${this.path} was changed on disk while the interview ran, and ${why}. The last answer was not saved and the file was left as it is; check it, then resume the interview.`);
    let theirs: Answers | undefined;
    let file: ReturnType<typeof parseYaml> | undefined;
    try {
      file = parseYaml(this.path, text);
      theirs = schemaProblems(file, Answers).data;
    } catch {
      theirs = undefined;
    }
    if (!theirs || !file) throw stop('it no longer reads as a valid answers file (`itaas validate` lists the problems)');
    if (theirs.questionnaire.id !== this.current.questionnaire.id || theirs.questionnaire.version !== this.current.questionnaire.version) {
      throw stop('it now names another questionnaire');
    }
    const base = this.current;
    const ours = Answers.parse(this.doc.toJS());
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const doc = file.doc;
    let seq = doc.get('respondents', true);
    if (!isSeq(seq)) {
      seq = doc.createNode([]);
      doc.set('respondents', seq);
    }
    const list = seq as YAMLSeq;
    ours.respondents.forEach((person, i) => {
      const was = base.respondents.find((b) => b.name === person.name);
      if (was && same(was, person)) return;
      const at = theirs.respondents.findIndex((t) => t.name === person.name);
      if (was && at < 0) throw stop(`the respondent "${person.name}" was removed from it`);
      if (was && !same(theirs.respondents[at], was)) throw stop(`the answers of "${person.name}" were changed there too`);
      const node = (this.doc.getIn(['respondents', i], true) as YAMLMap).clone();
      if (at >= 0) list.items[at] = node;
      else list.items.push(node);
    });
    const merged = Answers.parse(doc.toJS());
    // The interview holds respondents by position: those it knows must keep theirs.
    ours.respondents.forEach((respondent, i) => {
      if (merged.respondents[i]?.name !== respondent.name) throw stop('its respondents were reordered or removed');
    });
    this.doc = doc;
  }
}
