import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, itaas, once, tempDir } from '../helpers.js';

const dir = join(fixtures, 'i18n');

function report(args: string[]): { code: number | null; stderr: string; md: string; out: string } {
  const out = tempDir();
  const r = itaas(['report', join(dir, 'answers.yaml'), '--out', out, '--format', 'md', ...args]);
  return { code: r.code, stderr: r.stderr, md: r.code === 0 ? readFileSync(join(out, 'answers.md'), 'utf8') : '', out };
}

/** The German report of the fixture, read by two tests. */
const german = once(() => report(['--lang', 'de']));

describe('a German report', () => {
  it('has German headings, labels and summary, and the German texts of the model and questionnaire', () => {
    const r = german();
    expect(r.code).toBe(0);
    // Fixed wording.
    for (const heading of ['## Zusammenfassung', '## Werte nach Achse', '## Wo die Organisation steht', '## Zu klärende Abweichungen', '## Roadmap', '## Anhang: alle Antworten']) {
      expect(r.md).toContain(`\n${heading}\n`);
    }
    expect(r.md).toContain('**Befragte:** Erika Muster');
    expect(r.md).toContain('| Dimension | Wert | Stufe | Ziel | Lücke | Abdeckung | Antworten | Streuung |');
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
    const r = german();
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

describe('the built-in model and questionnaire', () => {
  it('give a German report of an example and a German questionnaire listing with nothing falling back, in proper German', () => {
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
    const head = show.stdout.split('\n').slice(0, 2).join('\n');
    expect(head).toMatch(/· 7 Abschnitte · verfasst auf Englisch$/m);
    expect(show.stdout).not.toMatch(/Abschnitten|Sprache en/);
  });
});
