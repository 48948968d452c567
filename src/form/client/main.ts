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
const Q = data.questionnaire;
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
    const s = JSON.parse(raw) as Partial<Saved>;
    const strings = (o: unknown): Record<string, string> =>
      o && typeof o === 'object' ? Object.fromEntries(Object.entries(o as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
    return {
      name: typeof s.name === 'string' ? s.name : fresh.name,
      role: typeof s.role === 'string' ? s.role : '',
      lang: data.languages.some((l) => l.code === s.lang) ? s.lang! : fresh.lang,
      answers: strings(s.answers),
      notes: strings(s.notes),
      at: typeof s.at === 'string' ? s.at : 'welcome',
      ...(typeof s.updated === 'string' ? { updated: s.updated } : {}),
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

const m = (): FormMessages => data.messages[state.lang] ?? data.messages.en!;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
const t = (text: Text | undefined) => resolveText(text, state.lang, Q.language);

type Child = Node | string | null | undefined | false;
/** Builds an element; strings become text nodes, so no questionnaire text is ever read as markup. */
function el(tag: string, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) e.setAttribute(k, '');
    else if (typeof v === 'string') e.setAttribute(k, v);
  }
  for (const c of children) if (c) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

const visible = () => visibleQuestions<FormQuestion, FormSection>(Q, state.answers);
const visibleSections = () => Q.sections.filter((s) => visible().some((v) => v.section === s));

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
  const text = fill(m().progress, { section, sections: sections.length, answered, questions: vis.length });
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
  return el('nav', { class: 'nav', 'aria-label': m().next }, ...buttons);
}

function button(label: string, onClick: () => void, cls = ''): HTMLElement {
  const b = el('button', { type: 'button', class: cls || undefined }, label);
  b.addEventListener('click', onClick);
  return b;
}

function welcome(): Child[] {
  const msg = m();
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
    el('h1', { tabindex: '-1' }, t(Q.title)),
    Q.description ? el('p', { class: 'lead' }, t(Q.description)) : null,
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

function questionBlock(q: FormQuestion): HTMLElement {
  const msg = m();
  const name = `a-${q.id}`;
  const choices: Array<{ id: string; label: string; description?: string }> = q.options.map((o) => ({ id: o.id, label: t(o.label), ...(o.description ? { description: t(o.description) } : {}) }));
  if (q.allowNa) choices.push({ id: 'na', label: msg.notApplicable });
  if (q.allowDontKnow) choices.push({ id: 'dontKnow', label: msg.dontKnow });
  const opts = el('div', { class: 'options' });
  for (const c of choices) {
    const id = `${name}-${c.id}`;
    const input = el('input', { type: 'radio', name, id, value: c.id }) as HTMLInputElement;
    input.checked = state.answers[q.id] === c.id;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      state.answers[q.id] = c.id;
      state.updated = new Date().toISOString();
      save();
      refreshVisibility();
    });
    opts.append(
      el(
        'div',
        { class: `option${c.id === 'na' || c.id === 'dontKnow' ? ' reserved' : ''}` },
        input,
        el('label', { for: id }, el('span', { class: 'label' }, c.label), c.description ? el('span', { class: 'desc' }, c.description) : null),
      ),
    );
  }
  const note = el('textarea', { id: `n-${q.id}`, rows: '2', maxlength: '4000' }) as HTMLTextAreaElement;
  note.value = state.notes[q.id] ?? '';
  note.addEventListener('input', () => {
    if (note.value.trim()) state.notes[q.id] = note.value;
    else delete state.notes[q.id];
    state.updated = new Date().toISOString();
    save();
  });
  return el(
    'fieldset',
    { class: 'question', id: `q-${q.id}`, 'data-question': q.id },
    el('legend', {}, t(q.text)),
    q.help ? el('details', { class: 'help' }, el('summary', {}, msg.help), el('p', {}, t(q.help))) : null,
    opts,
    el('div', { class: 'note' }, el('label', { for: `n-${q.id}` }, msg.note), note),
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
  if (appeared && announce) live.textContent = appeared === 1 ? m().appeared : fill(m().appearedMany, { n: appeared });
  updateProgress();
}

function sectionPage(section: FormSection): Child[] {
  const msg = m();
  const sections = visibleSections();
  const i = sections.indexOf(section);
  const blocks = section.questions.map(questionBlock);
  const page: Child[] = [
    el('h2', { tabindex: '-1' }, t(section.title)),
    section.description ? el('p', { class: 'lead' }, t(section.description)) : null,
    ...blocks,
    nav(
      button(msg.back, () => go(i > 0 ? sections[i - 1]!.id : 'welcome')),
      i < sections.length - 1 ? button(msg.next, () => go(visibleSections()[visibleSections().indexOf(section) + 1]?.id ?? 'review'), 'primary') : button(msg.review, () => go('review'), 'primary'),
    ),
  ];
  return page;
}

function reviewPage(): Child[] {
  const msg = m();
  const vis = visible();
  const answered = vis.filter((v) => Object.hasOwn(state.answers, v.question.id)).length;
  const status = el('p', { role: 'status', class: 'done' });
  const list = el('ul', { class: 'sections' });
  for (const s of visibleSections()) {
    const qs = vis.filter((v) => v.section === s);
    const a = qs.filter((v) => Object.hasOwn(state.answers, v.question.id)).length;
    list.append(
      el(
        'li',
        {},
        button(fill(msg.goTo, { section: t(s.title) }), () => go(s.id), 'link'),
        ' ',
        el('span', { class: a === qs.length ? 'complete' : 'open' }, fill(msg.sectionStatus, { answered: a, questions: qs.length })),
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
        const b = button(
          msg.download,
          () => {
            download();
            status.textContent = fill(msg.downloaded, { file: fileName() });
          },
          'primary',
        );
        b.setAttribute('aria-describedby', 'download-hint');
        return b;
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
  const a = data.assessment;
  const vis = visible();
  const answered = vis.filter((v) => Object.hasOwn(state.answers, v.question.id));
  const lines = [
    '# Answers given in the itaas survey form. Bring them into the assessment with',
    '#   itaas merge ASSESSMENT.yaml THIS-FILE.yaml',
    'kind: answers',
    'questionnaire:',
    `  id: ${str(Q.id)}`,
    `  version: ${str(Q.version)}`,
    `  hash: ${str(Q.hash)}`,
    'assessment:',
    `  organisation: ${str(a.organisation)}`,
    ...(a.scope ? [`  scope: ${str(a.scope)}`] : []),
    `  date: ${str(a.date)}`,
    ...(a.assessor ? [`  assessor: ${str(a.assessor)}`] : []),
    'respondents:',
    `  - name: ${str(state.name.trim())}`,
    ...(state.role.trim() ? [`    role: ${str(state.role.trim())}`] : []),
    `    completed: ${answered.length === vis.length}`,
    `    updated: ${str(state.updated ?? now.toISOString())}`,
    `    answers:${answered.length ? '' : ' {}'}`,
  ];
  let section: FormSection | undefined;
  for (const v of answered) {
    if (v.section !== section) {
      section = v.section;
      lines.push(`      # ${commentText(t(section.title))}`);
    }
    const id = v.question.id;
    const note = state.notes[id]?.trim();
    if (note) lines.push(`      ${id}:`, `        option: ${str(state.answers[id]!)}`, `        note: ${str(note)}`);
    else lines.push(`      ${id}: ${str(state.answers[id]!)}`);
  }
  return `${lines.join('\n')}\n`;
}

function download(): void {
  const url = URL.createObjectURL(new Blob([answersYaml()], { type: 'application/yaml' }));
  const a = el('a', { href: url, download: fileName(), hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function render(): void {
  const msg = m();
  document.documentElement.lang = state.lang;
  document.title = t(Q.title);
  titleBox.textContent = t(Q.title);
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

for (const l of data.languages) {
  const o = el('option', { value: l.code }, l.name) as HTMLOptionElement;
  o.selected = l.code === state.lang;
  langSelect.append(o);
}
langSelect.parentElement!.hidden = data.languages.length < 2;
langSelect.addEventListener('change', () => {
  state.lang = langSelect.value;
  save();
  render();
  langSelect.focus();
});
render();
