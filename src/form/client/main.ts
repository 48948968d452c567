/**
 * The survey form's script, bundled into the page by the build. It renders the questionnaire from the
 * page's data block with DOM calls only (every questionnaire text is set as text, never parsed as
 * markup), keeps progress in localStorage, and writes the answers file the respondent downloads.
 * Which questions show comes from core/visibility, the same rule `itaas assess` follows.
 */
import { resolveText } from '../../core/text.js';
import { visibleQuestions } from '../../core/visibility.js';
import type { Text } from '../../schema/common.js';
import type { FormMessages } from '../../i18n/form.js';
import type { FormPayload, FormQuestion, FormSection } from '../payload.js';

interface Saved {
  name: string;
  role: string;
  lang: string;
  answers: Record<string, string>;
  notes: Record<string, string>;
  /** "welcome", "review", or the id of the section on screen. */
  at: string;
  updated?: string;
}

const data = JSON.parse(document.getElementById('itaas-form-data')!.textContent!) as FormPayload;
const questionnaire = data.questionnaire;
const main = document.getElementById('main')!;
const live = document.getElementById('live')!;
const progressBox = document.getElementById('progress')!;
const langSelect = document.getElementById('lang') as HTMLSelectElement;
const titleBox = document.getElementById('form-title')!;

let storageOk = true;
function load(): Saved {
  const fresh: Saved = { name: data.respondent ?? '', role: '', lang: data.lang, answers: {}, notes: {}, at: 'welcome' };
  try {
    const raw = localStorage.getItem(data.storageKey);
    if (!raw) return fresh;
    const saved = JSON.parse(raw) as Partial<Saved>;
    const strings = (o: unknown): Record<string, string> =>
      o && typeof o === 'object' ? Object.fromEntries(Object.entries(o as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
    return {
      name: typeof saved.name === 'string' ? saved.name : fresh.name,
      role: typeof saved.role === 'string' ? saved.role : '',
      lang: data.languages.some((l) => l.code === saved.lang) ? saved.lang! : fresh.lang,
      answers: strings(saved.answers),
      notes: strings(saved.notes),
      at: typeof saved.at === 'string' ? saved.at : 'welcome',
      ...(typeof saved.updated === 'string' ? { updated: saved.updated } : {}),
    };
  } catch {
    storageOk = false;
    return fresh;
  }
}

const state = load();
function save(): void {
  try {
    localStorage.setItem(data.storageKey, JSON.stringify(state));
  } catch {
    storageOk = false;
  }
}

const words = (): FormMessages => data.messages[state.lang] ?? data.messages.en!;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
const localText = (text: Text | undefined) => resolveText(text, state.lang, questionnaire.language);

type Child = Node | string | null | undefined | false;
/** Builds an element; strings become text nodes, so no questionnaire text is ever read as markup. */
function el(tag: string, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [k, value] of Object.entries(attrs)) {
    if (value === true) element.setAttribute(k, '');
    else if (typeof value === 'string') element.setAttribute(k, value);
  }
  for (const child of children) if (child) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

const visible = () => visibleQuestions<FormQuestion, FormSection>(questionnaire, state.answers);
const visibleSections = () => questionnaire.sections.filter((s) => visible().some((v) => v.section === s));

function fileName(): string {
  const spelled: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', þ: 'th', đ: 'd', ł: 'l' };
  // Latin letters lose their accents (a file name that survives any mail system); other scripts stay.
  const slug = state.name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßæøœþđł]/g, (c) => spelled[c]!)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'answers'}.yaml`;
}

function updateProgress(): void {
  const vis = visible();
  const sections = visibleSections();
  const answered = vis.filter((v) => Object.hasOwn(state.answers, v.question.id)).length;
  const at = sections.findIndex((s) => s.id === state.at);
  const section = state.at === 'review' ? sections.length : Math.max(1, at + 1);
  const text = fill(words().progress, { section, sections: sections.length, answered, questions: vis.length });
  const bar = el('progress', { max: String(vis.length || 1), value: String(answered), 'aria-hidden': 'true' });
  progressBox.replaceChildren(el('p', {}, text), bar);
  progressBox.hidden = state.at === 'welcome';
}

function go(at: string): void {
  state.at = at;
  save();
  render();
  window.scrollTo(0, 0);
  (main.querySelector('h1, h2') as HTMLElement | null)?.focus();
}

function nav(...buttons: HTMLElement[]): HTMLElement {
  return el('nav', { class: 'nav', 'aria-label': words().next }, ...buttons);
}

function button(label: string, onClick: () => void, cls = ''): HTMLElement {
  const made = el('button', { type: 'button', class: cls || undefined }, label);
  made.addEventListener('click', onClick);
  return made;
}

function welcome(): Child[] {
  const msg = words();
  const nameInput = el('input', { id: 'name', type: 'text', autocomplete: 'name', maxlength: '200', required: true }) as HTMLInputElement;
  nameInput.value = state.name;
  const roleInput = el('input', { id: 'role', type: 'text', autocomplete: 'organization-title', maxlength: '200' }) as HTMLInputElement;
  roleInput.value = state.role;
  const err = el('p', { id: 'name-err', class: 'error', hidden: true }, msg.nameNeeded);
  nameInput.addEventListener('input', () => {
    state.name = nameInput.value;
    save();
  });
  roleInput.addEventListener('input', () => {
    state.role = roleInput.value;
    save();
  });
  const started = Object.keys(state.answers).length > 0;
  const start = () => {
    if (!state.name.trim()) {
      err.hidden = false;
      nameInput.setAttribute('aria-invalid', 'true');
      nameInput.setAttribute('aria-describedby', 'name-err');
      nameInput.focus();
      return;
    }
    const sections = visibleSections();
    const resume = started && sections.some((s) => s.id === state.at) ? state.at : started ? (resumeSection() ?? sections[0]!.id) : sections[0]!.id;
    go(resume);
  };
  return [
    el('h1', { tabindex: '-1' }, localText(questionnaire.title)),
    questionnaire.description ? el('p', { class: 'lead' }, localText(questionnaire.description)) : null,
    el('dl', { class: 'facts' }, el('dt', {}, msg.organisation), el('dd', {}, el('bdi', {}, data.assessment.organisation))),
    el('p', {}, msg.intro),
    storageOk ? null : el('p', { class: 'error' }, msg.storageOff),
    el('div', { class: 'field' }, el('label', { for: 'name' }, msg.yourName), nameInput, err),
    el('div', { class: 'field' }, el('label', { for: 'role' }, msg.yourRole), roleInput),
    nav(button(started ? msg.continue : msg.start, start, 'primary')),
  ];
}

/** The first section with an unanswered question, for "continue where you left off". */
function resumeSection(): string | undefined {
  return visible().find((v) => !Object.hasOwn(state.answers, v.question.id))?.section.id;
}

function questionBlock(question: FormQuestion): HTMLElement {
  const msg = words();
  const name = `a-${question.id}`;
  const choices: Array<{ id: string; label: string; description?: string }> = question.options.map((o) => ({
    id: o.id,
    label: localText(o.label),
    ...(o.description ? { description: localText(o.description) } : {}),
  }));
  if (question.allowNa) choices.push({ id: 'na', label: msg.notApplicable });
  if (question.allowDontKnow) choices.push({ id: 'dontKnow', label: msg.dontKnow });
  const opts = el('div', { class: 'options' });
  for (const choice of choices) {
    const id = `${name}-${choice.id}`;
    const input = el('input', { type: 'radio', name, id, value: choice.id }) as HTMLInputElement;
    input.checked = state.answers[question.id] === choice.id;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      state.answers[question.id] = choice.id;
      state.updated = new Date().toISOString();
      save();
      refreshVisibility();
    });
    opts.append(
      el(
        'div',
        { class: `option${choice.id === 'na' || choice.id === 'dontKnow' ? ' reserved' : ''}` },
        input,
        el('label', { for: id }, el('span', { class: 'label' }, choice.label), choice.description ? el('span', { class: 'desc' }, choice.description) : null),
      ),
    );
  }
  const note = el('textarea', { id: `n-${question.id}`, rows: '2', maxlength: '4000' }) as HTMLTextAreaElement;
  note.value = state.notes[question.id] ?? '';
  note.addEventListener('input', () => {
    if (note.value.trim()) state.notes[question.id] = note.value;
    else delete state.notes[question.id];
    state.updated = new Date().toISOString();
    save();
  });
  return el(
    'fieldset',
    { class: 'question', id: `q-${question.id}`, 'data-question': question.id },
    el('legend', {}, localText(question.text)),
    question.help ? el('details', { class: 'help' }, el('summary', {}, msg.help), el('p', {}, localText(question.help))) : null,
    opts,
    el('div', { class: 'note' }, el('label', { for: `n-${question.id}` }, msg.note), note),
  );
}

/** Shows and hides the questions of the section on screen as answers change, and says what appeared. */
function refreshVisibility(announce = true): void {
  const shown = new Set(visible().map((v) => v.question.id));
  let appeared = 0;
  for (const fs of main.querySelectorAll<HTMLElement>('fieldset.question')) {
    const on = shown.has(fs.dataset.question!);
    if (on && fs.hidden) appeared++;
    fs.hidden = !on;
  }
  if (appeared && announce) live.textContent = appeared === 1 ? words().appeared : fill(words().appearedMany, { n: appeared });
  updateProgress();
}

function sectionPage(section: FormSection): Child[] {
  const msg = words();
  const sections = visibleSections();
  const i = sections.indexOf(section);
  const blocks = section.questions.map(questionBlock);
  const page: Child[] = [
    el('h2', { tabindex: '-1' }, localText(section.title)),
    section.description ? el('p', { class: 'lead' }, localText(section.description)) : null,
    ...blocks,
    nav(
      button(msg.back, () => go(i > 0 ? sections[i - 1]!.id : 'welcome')),
      i < sections.length - 1 ? button(msg.next, () => go(visibleSections()[visibleSections().indexOf(section) + 1]?.id ?? 'review'), 'primary') : button(msg.review, () => go('review'), 'primary'),
    ),
  ];
  return page;
}

function reviewPage(): Child[] {
  const msg = words();
  const vis = visible();
  const answered = vis.filter((v) => Object.hasOwn(state.answers, v.question.id)).length;
  const status = el('p', { role: 'status', class: 'done' });
  const list = el('ul', { class: 'sections' });
  for (const part of visibleSections()) {
    const qs = vis.filter((v) => v.section === part);
    const done = qs.filter((v) => Object.hasOwn(state.answers, v.question.id)).length;
    list.append(
      el(
        'li',
        {},
        button(fill(msg.goTo, { section: localText(part.title) }), () => go(part.id), 'link'),
        ' ',
        el('span', { class: done === qs.length ? 'complete' : 'open' }, fill(msg.sectionStatus, { answered: done, questions: qs.length })),
      ),
    );
  }
  const sections = visibleSections();
  return [
    el('h2', { tabindex: '-1' }, msg.reviewTitle),
    el('p', {}, fill(msg.reviewIntro, { answered, questions: vis.length })),
    list,
    el('p', { class: 'hint', id: 'download-hint' }, fill(msg.downloadHint, { file: fileName() })),
    status,
    nav(
      button(msg.back, () => go(sections[sections.length - 1]?.id ?? 'welcome')),
      (() => {
        const downloadButton = button(
          msg.download,
          () => {
            download();
            status.textContent = fill(msg.downloaded, { file: fileName() });
          },
          'primary',
        );
        downloadButton.setAttribute('aria-describedby', 'download-hint');
        return downloadButton;
      })(),
    ),
    el(
      'p',
      {},
      button(
        msg.clear,
        () => {
          if (!window.confirm(msg.clearConfirm)) return;
          try {
            localStorage.removeItem(data.storageKey);
          } catch {
            /* nothing stored */
          }
          Object.assign(state, { answers: {}, notes: {}, role: '', name: data.respondent ?? '', at: 'welcome' });
          delete state.updated;
          go('welcome');
        },
        'link',
      ),
    ),
  ];
}

/** A YAML string: JSON's double-quoted form is valid YAML; characters YAML forbids raw are escaped too. */
const str = (s: string) => JSON.stringify(s).replace(/[\u007f-\u009f\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** Text for a YAML comment line: one line, nothing that could end the comment. */
const commentText = (s: string) => s.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();

/** The answers file: the questionnaire's identity, the assessment, and this respondent's answers. */
function answersYaml(now: Date = new Date()): string {
  const about = data.assessment;
  const vis = visible();
  const answered = vis.filter((v) => Object.hasOwn(state.answers, v.question.id));
  const lines = [
    '# Answers given in the itaas survey form. Bring them into the assessment with',
    '#   itaas merge ASSESSMENT.yaml THIS-FILE.yaml',
    'kind: answers',
    'questionnaire:',
    `  id: ${str(questionnaire.id)}`,
    `  version: ${str(questionnaire.version)}`,
    `  hash: ${str(questionnaire.hash)}`,
    'assessment:',
    `  organisation: ${str(about.organisation)}`,
    ...(about.scope ? [`  scope: ${str(about.scope)}`] : []),
    `  date: ${str(about.date)}`,
    ...(about.assessor ? [`  assessor: ${str(about.assessor)}`] : []),
    'respondents:',
    `  - name: ${str(state.name.trim())}`,
    ...(state.role.trim() ? [`    role: ${str(state.role.trim())}`] : []),
    `    completed: ${answered.length === vis.length}`,
    `    updated: ${str(state.updated ?? now.toISOString())}`,
    `    answers:${answered.length ? '' : ' {}'}`,
  ];
  let section: FormSection | undefined;
  for (const shown of answered) {
    if (shown.section !== section) {
      section = shown.section;
      lines.push(`      # ${commentText(localText(section.title))}`);
    }
    const id = shown.question.id;
    const note = state.notes[id]?.trim();
    if (note) lines.push(`      ${id}:`, `        option: ${str(state.answers[id]!)}`, `        note: ${str(note)}`);
    else lines.push(`      ${id}: ${str(state.answers[id]!)}`);
  }
  return `${lines.join('\n')}\n`;
}

function download(): void {
  const url = URL.createObjectURL(new Blob([answersYaml()], { type: 'application/yaml' }));
  const anchor = el('a', { href: url, download: fileName(), hidden: true });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function render(): void {
  const msg = words();
  document.documentElement.lang = state.lang;
  document.title = localText(questionnaire.title);
  titleBox.textContent = localText(questionnaire.title);
  (document.getElementById('lang-label') as HTMLElement).textContent = msg.language;
  const sections = visibleSections();
  let page: Child[];
  if (state.at === 'review') page = reviewPage();
  else {
    const section = sections.find((s) => s.id === state.at);
    if (section) page = sectionPage(section);
    else {
      // The section on screen was hidden by a changed answer (or the data changed): start from the welcome.
      state.at = 'welcome';
      page = welcome();
    }
  }
  main.replaceChildren(...page.filter((c): c is Node | string => Boolean(c)));
  refreshVisibility(false);
}

for (const language of data.languages) {
  const entry = el('option', { value: language.code }, language.name) as HTMLOptionElement;
  entry.selected = language.code === state.lang;
  langSelect.append(entry);
}
langSelect.parentElement!.hidden = data.languages.length < 2;
langSelect.addEventListener('change', () => {
  state.lang = langSelect.value;
  save();
  render();
  langSelect.focus();
});
render();
