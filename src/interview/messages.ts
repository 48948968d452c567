/**
 * The interview's own fixed wording (progress, answers every question offers, moves, prompts for the
 * assessment's details) in each language it is available in. The questionnaire's texts come from the
 * questionnaire; these are the words around them. A translation is a `InterviewMessages` object and the
 * compiler names anything missing.
 */
const en = {
  progressLine: (p: { section: number; sections: number; question: number; questions: number }) => `Section ${p.section}/${p.sections} - Question ${p.question}/${p.questions}`,
  notApplicable: 'Not applicable',
  dontKnow: "Don't know",
  currentAnswer: '(current answer)',
  moves: { back: '← Back', skip: '→ Skip for now', help: '? Help', summary: '≡ List this section', quit: '✕ Save and quit' },
  keyHint: (answers: number) => `${answers <= 9 ? `1-${answers} answer` : 'type a number'} · ⏎ choose · b back · s skip · h help · l list section · q quit`,
  note: 'Note',
  noteKeep: 'Enter keeps it, Tab edits it, Backspace clears it',
  noteSkip: 'Enter to skip',
  newAssessment: 'A new assessment. Enter the details once; they are saved with the answers.',
  organisation: 'Organisation',
  scope: 'Scope (what is assessed; Enter to skip)',
  assessor: 'Assessor (Enter to skip)',
  date: 'Date of the assessment',
  realDate: 'Write a real date as YYYY-MM-DD.',
  atMost: (n: number) => `At most ${n} characters.`,
  roleOf: (name: string) => `Role of ${name} (Enter to skip)`,
  respondent: 'Respondent (the person interviewed)',
  addRespondent: 'Add a new respondent',
  firstQuestion: 'This is the first question.',
  everyAnswered: 'Every question is answered.',
  finish: 'Finish this interview',
  backToLast: '← Back to the last question',
  openLeft: (n: number) => `${n} question${n > 1 ? 's are' : ' is'} not answered yet. Go back to one, or finish anyway.`,
  finishAnyway: 'Finish anyway (unanswered questions do not count)',
  saveQuit: 'Save and quit (finish later)',
  notAnswered: 'not answered',
  helpFooter: (na: string, dk: string) => `"${na}" and "${dk}" do not count towards the score; the report shows how much of each dimension was answered.`,
};

export type InterviewMessages = typeof en;

const de: InterviewMessages = {
  progressLine: (p) => `Abschnitt ${p.section}/${p.sections} - Frage ${p.question}/${p.questions}`,
  notApplicable: 'Nicht zutreffend',
  dontKnow: 'Weiß nicht',
  currentAnswer: '(bisherige Antwort)',
  moves: { back: '← Zurück', skip: '→ Vorerst überspringen', help: '? Hilfe', summary: '≡ Abschnitt anzeigen', quit: '✕ Speichern und beenden' },
  keyHint: (answers) => `${answers <= 9 ? `1-${answers} antworten` : 'Nummer eingeben'} · ⏎ wählen · b zurück · s überspringen · h Hilfe · l Abschnitt zeigen · q beenden`,
  note: 'Notiz',
  noteKeep: 'Enter behält sie, Tab bearbeitet sie, Rücktaste löscht sie',
  noteSkip: 'Enter zum Überspringen',
  newAssessment: 'Eine neue Bewertung. Geben Sie die Angaben einmal ein; sie werden mit den Antworten gespeichert.',
  organisation: 'Organisation',
  scope: 'Umfang (was bewertet wird; Enter zum Überspringen)',
  assessor: 'Bewertet von (Enter zum Überspringen)',
  date: 'Datum der Bewertung',
  realDate: 'Geben Sie ein gültiges Datum im Format JJJJ-MM-TT ein.',
  atMost: (n) => `Höchstens ${n} Zeichen.`,
  roleOf: (name) => `Rolle von ${name} (Enter zum Überspringen)`,
  respondent: 'Befragte Person',
  addRespondent: 'Eine neue befragte Person hinzufügen',
  firstQuestion: 'Dies ist die erste Frage.',
  everyAnswered: 'Alle Fragen sind beantwortet.',
  finish: 'Dieses Interview abschließen',
  backToLast: '← Zurück zur letzten Frage',
  openLeft: (n) => `${n} ${n > 1 ? 'Fragen sind' : 'Frage ist'} noch nicht beantwortet. Gehen Sie zu einer zurück oder schließen Sie trotzdem ab.`,
  finishAnyway: 'Trotzdem abschließen (unbeantwortete Fragen zählen nicht)',
  saveQuit: 'Speichern und beenden (später fortsetzen)',
  notAnswered: 'nicht beantwortet',
  helpFooter: (na, dk) => `„${na}“ und „${dk}“ zählen nicht zum Wert; der Bericht zeigt, wie viel jeder Dimension beantwortet wurde.`,
};

const catalogues = new Map<string, InterviewMessages>([
  ['en', en],
  ['de', de],
]);

/** The interview wording for a language ("de-CH" uses "de"; anything unknown, English). */
export function interviewMessages(lang: string): InterviewMessages {
  return catalogues.get(lang) ?? catalogues.get(lang.split('-')[0]!.toLowerCase()) ?? en;
}
