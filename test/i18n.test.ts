import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { de } from '../src/report/messages/de.js';
import { en } from '../src/report/messages/en.js';
import { messages } from '../src/report/messages/index.js';
import { fixtures, itaas, root, tempDir } from './helpers.js';

const dir = join(fixtures, 'i18n');

function report(args: string[]): { code: number | null; stderr: string; md: string; out: string } {
  const out = tempDir();
  const r = itaas(['report', join(dir, 'answers.yaml'), '--out', out, '--format', 'md', ...args]);
  return { code: r.code, stderr: r.stderr, md: r.code === 0 ? readFileSync(join(out, 'answers.md'), 'utf8') : '', out };
}

describe('a German report', () => {
  it('has German headings, labels and summary, and the German texts of the model and questionnaire', () => {
    const r = report(['--lang', 'de']);
    expect(r.code).toBe(0);
    // Fixed wording.
    for (const heading of ['## Zusammenfassung', '## Werte nach Achse', '## Wo die Organisation steht', '## Zu klärende Abweichungen', '## Roadmap', '## Anhang: alle Antworten']) {
      expect(r.md).toContain(`\n${heading}\n`);
    }
    expect(r.md).toContain('**Befragte:** Erika Muster');
    expect(r.md).toContain('| Dimension | Wert | Stufe | Ziel | Lücke | Abdeckung | Streuung |');
    expect(r.md).toContain('Muster GmbH hat Grundlagen noch nicht erreicht.');
    expect(r.md).toContain('Die Roadmap umfasst 3 Initiativen über 8 Monate');
    expect(r.md).toContain('| Weiß nicht |');
    // Content of the model and the questionnaire.
    expect(r.md).toMatch(/^# Kleines Reifegradmodell – Bewertung: Muster GmbH$/m);
    expect(r.md).toContain('| Automatisierung | 1,0 | 1 Anfänglich | 3 |');
    expect(r.md).toContain('#### Einen Servicekatalog veröffentlichen');
    expect(r.md).toContain('| scripts | Wie viel Routinearbeit ist geskriptet? | Ein wenig |');
    // No English fixed wording is left.
    for (const english of ['Executive summary', 'Scores by axis', 'Where the organisation stands', 'Appendix', "Don't know", 'against a target of']) expect(r.md).not.toContain(english);
  });

  it('falls back to the file language where a text has no German, and says so once', () => {
    const r = report(['--lang', 'de']);
    expect(r.md).toContain('| pipelines | Are scripts run from a pipeline? | Weiß nicht |');
    const notes = r.stderr.split('\n').filter((l) => l.startsWith('note:'));
    expect(notes).toEqual(['note: no German text for 1 text; used English']);
  });

  it('is chosen by the language of the assessment when --lang is not given', () => {
    const d = tempDir();
    const answers = readFileSync(join(dir, 'answers.yaml'), 'utf8')
      .replace('path: questionnaire.yaml', `path: ${JSON.stringify(join(dir, 'questionnaire.yaml'))}`)
      .replace('date: 2025-05-06}', 'date: 2025-05-06, language: de}');
    writeFileSync(join(d, 'answers.yaml'), answers);
    const r = itaas(['report', join(d, 'answers.yaml'), '--out', d, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, 'answers.md'), 'utf8')).toContain('## Zusammenfassung');
  });

  it('in English says nothing about languages and has no German in it', () => {
    const r = report([]);
    expect(r.stderr).not.toMatch(/note:/);
    expect(r.md).toContain('## Executive summary');
    expect(r.md).not.toMatch(/Zusammenfassung|Automatisierung|Weiß nicht/);
  });

  it('in a language without a catalogue uses English and says what fell back', () => {
    const r = report(['--lang', 'fr']);
    expect(r.code).toBe(0);
    expect(r.md).toContain('## Executive summary');
    expect(r.stderr).toMatch(/note: no French text for \d+ texts; used English/);
    expect(r.stderr).toMatch(/note: the reports have no French wording for their headings and labels; used English/);
  });
});

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
    expect(same.sort()).toEqual(['report.dimension', 'report.initiative', 'report.phase', 'report.roadmap']);
    expect(de.list(['a', 'b', 'c'])).toBe('a, b und c');
    expect(messages('de-AT')).toBe(de);
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

  it('give a German report of an example and a German questionnaire listing with nothing falling back', () => {
    const out = tempDir();
    const r = itaas(['report', 'examples/northwind-logistics.yaml', '--lang', 'de', '--out', out, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/note:/);
    const md = readFileSync(join(out, 'northwind-logistics.md'), 'utf8');
    expect(md).toContain('## Zusammenfassung');
    expect(md).toContain('Automatisierung');
    const show = itaas(['questionnaire', 'show', 'itaas-core', '--lang', 'de']);
    expect(show.code).toBe(0);
    expect(show.stderr).toBe('');
    expect(show.stdout).toContain('außerdem: Nicht zutreffend [na], Weiß nicht [dontKnow]');
  });
});

describe('a German interview', () => {
  it('asks in German: its own wording (details, progress, built-in answers, moves, note) and the questionnaire texts', async () => {
    const { render } = await import('@inquirer/testing');
    const { interviewMessages } = await import('../src/interview/messages.js');
    const { notePrompt, questionPrompt } = await import('../src/interview/prompts.js');
    const { askAssessment, interviewRespondent, pickRespondent, summaryLines } = await import('../src/interview/session.js');
    const { AnswersStore } = await import('../src/interview/store.js');
    type Ui = import('../src/interview/prompts.js').Ui;
    type View = import('../src/interview/prompts.js').QuestionView;
    type Action = import('../src/interview/prompts.js').QuestionAction;
    type Choose = import('../src/interview/prompts.js').ChooseConfig<unknown>;
    const de = interviewMessages('de');
    const asked: string[] = [];
    const printed: string[] = [];
    const views: View[] = [];
    const menus: Choose[] = [];
    const replies = ['Muster GmbH', '', '', '2025-05-06', 'CIO', 'Max Beispiel', ''];
    // Answers the first question, asks for help on the second and skips it, answers the third, goes
    // back to the skipped one from the end of the interview, answers it and finishes.
    const actions: Action[] = [
      { type: 'answer', option: 'little' },
      { type: 'help' },
      { type: 'skip' },
      { type: 'answer', option: 'published' },
      { type: 'answer', option: 'always' },
    ];
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
        return replies.shift() ?? '';
      },
      choose: async <T,>(c: import('../src/interview/prompts.js').ChooseConfig<T>) => (menus.push(c as Choose), choices.shift() as T),
      note: async () => undefined,
      question: async (v) => (views.push(v), actions.shift()!),
    };
    const file = join(tempDir(), 'interview.yaml');
    const store = AnswersStore.create(file, join(dir, 'questionnaire.yaml'), await askAssessment(ui, '2025-05-06', de));
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
    expect(summary).toContain('Erreichte Phase:');
    expect(summary).not.toMatch(/scores so far|respondents|target|Phase reached|2\.5/);

    // What the respondent sees on the terminal for that question.
    const q = await render(questionPrompt, { ...views[0]!, current: 'little' });
    const screen = q.getScreen();
    expect(screen).toContain('Abschnitt 1/1 - Frage 1/3  Alles');
    expect(screen).toMatch(/2\. Ein wenig \(bisherige Antwort\)[\s\S]*6\. Nicht zutreffend[\s\S]*7\. Weiß nicht[\s\S]*← Zurück[\s\S]*→ Vorerst überspringen[\s\S]*\? Hilfe[\s\S]*≡ Abschnitt anzeigen[\s\S]*✕ Speichern und beenden/);
    expect(screen).toContain('1-7 antworten · ⏎ wählen · b zurück · s überspringen · h Hilfe · l Abschnitt zeigen · q beenden');
    expect(screen).not.toMatch(/Not applicable|Don't know|Save and quit|Section/);
    q.events.keypress('enter');
    await q.answer;
    const note = await render(notePrompt, { words: de });
    expect(note.getScreen()).toContain('Notiz (Enter zum Überspringen):');
    note.events.keypress('enter');
    await note.answer;
  });
});
