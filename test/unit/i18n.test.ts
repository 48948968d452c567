import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import { messages } from '../../src/i18n/index.js';
import { fixtures, root, tempDir } from '../helpers.js';

const dir = join(fixtures, 'i18n');

describe('the German message catalogue', () => {
  it('translates every entry (only words that are the same in both languages stay)', () => {
    const same: string[] = [];
    const walk = (a: Record<string, unknown>, b: Record<string, unknown>, path: string) => {
      for (const [k, v] of Object.entries(a)) {
        expect(b[k], `${path}${k}`).toBeDefined();
        expect(typeof b[k]).toBe(typeof v);
        if (typeof v === 'string' && v === b[k]) same.push(`${path}${k}`);
        if (v && typeof v === 'object') walk(v as Record<string, unknown>, b[k] as Record<string, unknown>, `${path}${k}.`);
      }
    };
    walk(en, de, '');
    expect(same.sort()).toEqual(['interview.organisation', 'portfolio.heatmap', 'portfolio.median', 'report.dimension', 'report.initiative', 'report.roadmap']);
    expect(de.list(['a', 'b', 'c'])).toBe('a, b und c');
    expect(messages('de-AT')).toBe(de);
    // One lookup for every part of the catalogue: the interview's words come with the report's.
    expect(messages('de-CH').interview).toBe(de.interview);
    expect(messages('fr').interview).toBe(en.interview);
  });
});

describe('the built-in model and questionnaire', () => {
  /** Every text field that has no German wording, as a path. */
  function missingGerman(data: unknown, path = ''): string[] {
    const textKeys = new Set(['title', 'description', 'label', 'rationale', 'text', 'help']);
    const out: string[] = [];
    const isGerman = (v: unknown) => !!v && typeof v === 'object' && typeof (v as Record<string, unknown>).de === 'string' && (v as Record<string, string>).de.trim() !== '';
    if (Array.isArray(data)) data.forEach((x, i) => out.push(...missingGerman(x, `${path}[${i}]`)));
    else if (data && typeof data === 'object') {
      for (const [k, v] of Object.entries(data)) {
        if (textKeys.has(k) && (typeof v === 'string' || (v && typeof v === 'object' && 'en' in v))) {
          if (!isGerman(v)) out.push(`${path}.${k}`);
        } else if (k === 'levels' && v && typeof v === 'object' && !Array.isArray(v)) {
          for (const [l, t] of Object.entries(v)) if (!isGerman(t)) out.push(`${path}.levels.${l}`);
        } else out.push(...missingGerman(v, `${path}.${k}`));
      }
    }
    return out;
  }

  it('have German for every text', () => {
    for (const file of ['models/itaas.yaml', 'questionnaires/itaas-core.yaml']) {
      const missing = missingGerman(parse(readFileSync(join(root, file), 'utf8')));
      expect(missing, `${file} has no German for ${missing.length} texts, e.g. ${missing.slice(0, 5).join(', ')}`).toEqual([]);
    }
  });
});

describe('a German interview', () => {
  it('asks in German: its own wording (details, progress, built-in answers, moves, note) and the questionnaire texts', async () => {
    const { render } = await import('@inquirer/testing');
    const { messages } = await import('../../src/i18n/index.js');
    const { questionPrompt } = await import('../../src/interview/prompts.js');
    const { notePrompt } = await import('../../src/interview/note-prompt.js');
    const { askAssessment, interviewRespondent, pickRespondent, summaryLines } = await import('../../src/interview/session.js');
    const { AnswersStore } = await import('../../src/interview/store.js');
    type Ui = import('../../src/interview/prompts.js').Ui;
    type View = import('../../src/interview/prompts.js').QuestionView;
    type Action = import('../../src/interview/prompts.js').QuestionAction;
    type Choose = import('../../src/interview/prompts.js').ChooseConfig<unknown>;
    const de = messages('de').interview;
    const asked: string[] = [];
    const printed: string[] = [];
    const views: View[] = [];
    const menus: Choose[] = [];
    const replies = ['Muster GmbH', '', '', '2025-05-06', 'CIO', 'Max Beispiel', ''];
    // Answers the first question, asks for help on the second and skips it, answers the third, goes
    // back to the skipped one from the end of the interview, answers it and finishes.
    const actions: Action[] = [{ type: 'answer', option: 'little' }, { type: 'help' }, { type: 'skip' }, { type: 'answer', option: 'published' }, { type: 'answer', option: 'always' }];
    const choices: unknown[] = [{ type: 'goto', question: 'pipelines' }, { type: 'finish' }, -1];
    let duplicate: true | string = true;
    const ui: Ui = {
      color: false,
      rows: 24,
      columns: 100,
      print: (t) => void printed.push(t),
      text: async (c) => {
        asked.push(c.message);
        if (c.message === de.respondent) duplicate = c.validate!('Erika Muster');
        const reply = replies.shift() ?? '';
        c.save?.(reply);
        return reply;
      },
      choose: async <T>(c: import('../../src/interview/prompts.js').ChooseConfig<T>) => (menus.push(c as Choose), choices.shift() as T),
      note: async () => undefined,
      question: async (v) => (views.push(v), actions.shift()!),
    };
    const file = join(tempDir(), 'interview.yaml');
    const store = await askAssessment(ui, '2025-05-06', (info) => AnswersStore.create(file, join(dir, 'questionnaire.yaml'), info), de);
    const ri = await pickRespondent(store, ui, { respondent: 'Erika Muster' }, de);
    expect(await interviewRespondent(store, ri, ui, 'de')).toBe('finished');
    expect(asked).toEqual(expect.arrayContaining(['Organisation', 'Umfang (was bewertet wird; Enter zum Überspringen)', 'Datum der Bewertung', 'Rolle von Erika Muster (Enter zum Überspringen)']));
    expect(views[0]).toMatchObject({ progress: 'Abschnitt 1/1 - Frage 1/3', section: 'Alles', text: 'Wie viel Routinearbeit ist geskriptet?' });
    expect(views[0]!.options.map((o) => o.label)).toEqual(['Keine', 'Ein wenig', 'Einiges', 'Das meiste', 'Alles']);
    // The question without German text is asked in English.
    expect(views[1]!.text).toBe('Are scripts run from a pipeline?');

    // What the interview says around the questions, in German only.
    const said = printed.join('\n');
    expect(said).toContain(`Interview mit Erika Muster (CIO). Die Antworten werden laufend in ${file} gespeichert.`);
    expect(said).toContain('Hilfe: Are scripts run from a pipeline?');
    expect(said).toContain('Zu dieser Frage gibt es keine weitere Erläuterung.');
    expect(said).toContain('» 2. vorerst übersprungen; die Frage wird am Ende erneut angeboten.');
    expect(said).not.toMatch(/Interviewing|Help:|no extra explanation|skipped for now/);
    expect(menus.map((c) => c.message)).toEqual(['1 Frage ist noch nicht beantwortet. Gehen Sie zu einer zurück oder schließen Sie trotzdem ab.', 'Alle Fragen sind beantwortet.']);

    // The next person: the file's respondents, and a name that is already taken.
    expect(await pickRespondent(store, ui, {}, de)).toBe(1);
    const who = menus[2]!;
    expect(who.message).toBe(`${file} enthält 1 befragte Person. Wer ist als Nächstes an der Reihe?`);
    expect(who.choices.map((x) => (x === 'separator' ? '---' : x.name))).toEqual(['Eine neue befragte Person hinzufügen', '---', 'Erika Muster (CIO) durchsehen, abgeschlossen']);
    expect(duplicate).toBe('Erika Muster ist bereits in dieser Datei; setzen Sie stattdessen das bestehende Interview fort oder ergänzen Sie ein unterscheidendes Merkmal.');

    // The scores so far, with a decimal comma: (1 + 4) / 2 for automation.
    const summary = summaryLines(store, 'de', false).join('\n');
    expect(summary).toContain('Muster GmbH: bisherige Werte (2 befragte Personen, Median)');
    expect(summary).toMatch(/Automatisierung\s+2,5 \S+ Ziel 3/);
    expect(summary).toContain('Phase erreicht:');
    expect(summary).not.toMatch(/scores so far|respondents|target|Phase reached|2\.5/);

    // What the respondent sees on the terminal for that question.
    const q = await render(questionPrompt, { ...views[0]!, current: 'little', first: false });
    const screen = q.getScreen();
    expect(screen).toContain('Abschnitt 1/1 - Frage 1/3  Alles');
    expect(screen).toMatch(
      /2\. Ein wenig \(bisherige Antwort\)[\s\S]*6\. Nicht zutreffend[\s\S]*7\. Weiß nicht[\s\S]*← Zurück[\s\S]*✎ Notiz hinzufügen[\s\S]*→ Vorerst überspringen[\s\S]*\? Hilfe[\s\S]*≡ Abschnitt anzeigen[\s\S]*✕ Speichern und beenden/,
    );
    expect(screen).toContain('1-7 antworten · n Notiz · b zurück · s überspringen · h Hilfe · l Liste · q beenden');
    expect(screen).not.toMatch(/Not applicable|Don't know|Save and quit|Section/);
    q.events.keypress('enter');
    await q.answer;
    const note = await render(notePrompt, { words: de, question: 'Wie viel läuft virtualisiert?' });
    expect(note.getScreen()).toContain('Noch nicht beantwortet: Die Notiz wird mit der Antwort gespeichert.');
    expect(note.getScreen()).toContain('Notiz (Enter ohne Text fügt keine hinzu):');
    note.events.keypress('enter');
    await note.answer;
  });
});
