import { lookup } from './lookup.js';

/**
 * The survey form's own wording, in each language it is available in. The questionnaire's texts come
 * from the questionnaire; these are the words around them. They travel inside the page as data, so
 * placeholders are `{name}` slots the page fills in, never code.
 */
const en = {
  language: 'Language',
  intro: 'Your answers stay in this browser until you download them; nothing is sent anywhere. You can close this page and come back later: it remembers where you were.',
  organisation: 'Organisation',
  yourName: 'Your name',
  yourRole: 'Your role (optional)',
  nameNeeded: 'Please enter your name: it names your answers file.',
  start: 'Start',
  continue: 'Continue where you left off',
  back: 'Back',
  next: 'Next',
  review: 'Review and download',
  progress: 'Section {section} of {sections} · {answered} of {questions} questions answered',
  help: 'Help',
  notApplicable: 'Not applicable',
  dontKnow: "Don't know",
  note: 'Note (optional): anything that explains your answer',
  appeared: 'A follow-up question appeared below.',
  appearedMany: '{n} follow-up questions appeared below.',
  reviewTitle: 'Review your answers',
  reviewIntro: 'You answered {answered} of {questions} questions. Unanswered questions do not count; "Not applicable" and "Don\'t know" are good answers too.',
  sectionStatus: '{answered} of {questions} answered',
  goTo: 'Go to {section}',
  download: 'Download my answers',
  downloadHint: 'Saves {file}. Send that file to the person who asked you to fill in this form.',
  downloaded: 'Your answers were saved as {file}. Send that file back; you may close this page.',
  clear: 'Start again (forget my answers in this browser)',
  clearConfirm: 'Forget every answer given in this browser?',
  storageOff: 'This browser does not let the page remember your answers: download them before you close it.',
} as const;

export type FormMessages = { [K in keyof typeof en]: string };

const de: FormMessages = {
  language: 'Sprache',
  intro: 'Ihre Antworten bleiben in diesem Browser, bis Sie sie herunterladen; nichts wird irgendwohin gesendet. Sie können die Seite schließen und später weitermachen: Sie merkt sich, wo Sie waren.',
  organisation: 'Organisation',
  yourName: 'Ihr Name',
  yourRole: 'Ihre Rolle (optional)',
  nameNeeded: 'Bitte geben Sie Ihren Namen ein: Ihre Antwortdatei wird danach benannt.',
  start: 'Beginnen',
  continue: 'Dort weitermachen, wo Sie aufgehört haben',
  back: 'Zurück',
  next: 'Weiter',
  review: 'Prüfen und herunterladen',
  progress: 'Abschnitt {section} von {sections} · {answered} von {questions} Fragen beantwortet',
  help: 'Hilfe',
  notApplicable: 'Nicht zutreffend',
  dontKnow: 'Weiß nicht',
  note: 'Notiz (optional): was Ihre Antwort erklärt',
  appeared: 'Unten ist eine Folgefrage erschienen.',
  appearedMany: 'Unten sind {n} Folgefragen erschienen.',
  reviewTitle: 'Antworten prüfen',
  reviewIntro: 'Sie haben {answered} von {questions} Fragen beantwortet. Unbeantwortete Fragen zählen nicht; „Nicht zutreffend“ und „Weiß nicht“ sind ebenfalls gute Antworten.',
  sectionStatus: '{answered} von {questions} beantwortet',
  goTo: 'Zu {section}',
  download: 'Meine Antworten herunterladen',
  downloadHint: 'Speichert {file}. Senden Sie diese Datei an die Person, die Sie um das Ausfüllen gebeten hat.',
  downloaded: 'Ihre Antworten wurden als {file} gespeichert. Senden Sie die Datei zurück; Sie können diese Seite schließen.',
  clear: 'Neu beginnen (meine Antworten in diesem Browser vergessen)',
  clearConfirm: 'Alle in diesem Browser gegebenen Antworten vergessen?',
  storageOff: 'Dieser Browser erlaubt der Seite nicht, sich Ihre Antworten zu merken: Laden Sie sie herunter, bevor Sie sie schließen.',
};

const catalogues: Readonly<Record<string, FormMessages>> = { en, de };

/** The form wording for a language ("de-CH" uses "de"; anything unknown, English). */
export function formMessages(lang: string): FormMessages {
  return lookup(catalogues, lang) ?? en;
}
