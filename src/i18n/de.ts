import type { Aggregation } from '../core/score.js';
import type { Messages } from './en.js';

/**
 * Every fixed phrase of the reports, in German. Formal address; numbers are passed in already
 * formatted, so they keep the decimal point of the machine-readable outputs.
 */

/** "a", "a und b", "a, b und c". */
const list = (xs: string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} und ${xs[xs.length - 1]}`);
const percent = (n: number): string => `${n}\u00a0%`;
/** A name inside a sentence, in German quotation marks: it then needs no article and no inflection. */
const quote = (s: string): string => `„${s}“`;
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const cap = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

export const de: Messages = {
  lang: 'de',
  decimal: ',',
  // DIN 5008: a (no-break) space between the number and the sign.
  percent,
  list,
  quote,

  terms: {
    overallScore: 'Gesamtwert',
    phase: 'Phase',
    phases: 'Phasen',
    phasesTitle: 'Phasen',
    lastPhase: 'Dies ist die letzte Phase; jetzt gilt es, die verbleibenden Lücken zu schließen und das Erreichte zu sichern.',
    stage: 'Stufe',
    stages: 'Stufen',
    stagesTitle: 'Stufen',
    stagesSubject: 'Die Organisation',
    assessment: 'einer Reifegradbewertung',
  },
  apart: (x: number, shown: string) => (x === 1 ? 'eine Stufe' : x === 2 ? 'zwei Stufen' : x === 3 ? 'drei Stufen' : `${shown} Stufen`),
  cap,

  notAssessed: 'nicht bewertet',
  notApplicable: 'Nicht zutreffend',
  dontKnow: 'Weiß nicht',
  monthYear: (month: number, year: number) => `${['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'][month - 1]} ${year}`,
  yes: 'ja',
  no: 'nein',
  met: 'erreicht',
  none: 'keine',

  reason: {
    closesGap: (dimension: string, from: string, to: string) => `schließt die Lücke in der Dimension ${quote(dimension)} von ${from} auf ${to}`,
    closesWith: (others: string[], dimension: string, from: string, to: string) =>
      `schließt zusammen mit ${list(others.map(quote))} die Lücke in der Dimension ${quote(dimension)} von ${from} auf ${to}`,
    phaseGap: (dimension: string, score: string, short: string, min: string, phase: string, others: string[], part: { from: string; to: string } | null) =>
      `die Dimension ${quote(dimension)} steht bei ${score}, ${short} unter den ${min}, die ${phase} braucht; ${others.length ? `zusammen mit ${list(others.map(quote))} schließt diese Initiative` : 'diese Initiative schließt'} ${part ? `den Teil von ${part.from} bis ${part.to}` : 'die Lücke'}`,
    alternativeTo: (others: string[]) =>
      `vorgeschlagen anstelle von ${list(others.map(quote))}, ${others.length === 1 ? 'das' : 'die'} dieselben Stufen auf anderem Weg erreichen ${others.length === 1 ? 'würde' : 'würden'}`,
    neededFirstBy: (initiatives: string[]) => `Voraussetzung für ${list(initiatives.map(quote))}`,
    sentence: (parts: string[]) => {
      const joined = parts.join('; ');
      return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}.`;
    },
  },

  summary: {
    notYetReached: (org: string, phase: string) => `${org} hat ${phase} noch nicht erreicht.`,
    reached: (org: string, phase: string) => `${org} hat ${phase} erreicht.`,
    // "Als Nächstes" needs no article, whatever the gender of the model's word for a phase.
    nextPhaseProgress: (_noun: string, phase: string, progress: number) => `Als Nächstes: ${phase}, zu ${percent(progress)} erreicht.`,
    phaseProgress: (phase: string, progress: number) => `${phase} ist zu ${percent(progress)} erreicht.`,
    blockerNotAssessed: (dimension: string) => `${dimension} (nicht bewertet)`,
    blocker: (dimension: string, score: string, min: number) => `${dimension} (${score}, benötigt ${min})`,
    heldBackMost: (blocker: string, others: string[]) => `Größtes Hindernis: ${blocker}${others.length ? `; außerdem ${list(others)}.` : '.'}`,
    predominantStage: (subject: string, stage: string, _noun: string) => `${subject} ist überwiegend als ${quote(stage)} einzustufen.`,
    attained: (stages: string[]) => `Außerdem erreicht: ${list(stages)}.`,
    notYetAttained: (stages: string[]) => `Noch nicht erreicht: ${list(stages)}.`,
    stageProgress: (stage: string, attainment: number) => `${stage} (${percent(attainment)})`,
    // In the plural an adjective before the model's noun takes the same ending for every gender.
    foundations: (_noun: string, nouns: string, stage: string) => `${quote(stage)} ist nicht erreicht, spätere ${nouns} aber schon: Die Grundlagen darunter brauchen Aufmerksamkeit.`,
    roadmap: (count: number, months: number, from: string, to: string, next: string | null) =>
      `Die Roadmap umfasst ${count} ${plural(count, 'Initiative', 'Initiativen')} über ${months} Monate (${from} – ${to}), so geordnet, dass nichts vor dem beginnt, wovon es abhängt${next ? `, und die Arbeit für ${next} zuerst kommt` : ''}.`,
    range: (strongest: string[], weakest: string[]) => `Am höchsten bewertet: ${list(strongest)}. Am niedrigsten: ${list(weakest)}.`,
    dimensionScore: (dimension: string, score: string, level: string) => `${dimension} (${score}; ${level})`,
    belowTarget: (below: number, total: number) => `${below} von ${total} bewerteten Dimensionen ${below === 1 ? 'liegt' : 'liegen'} unter dem Ziel.`,
    inPlace: (n: number) =>
      `Die Antworten zeigen ${n} ${plural(n, 'Initiative', 'Initiativen')} des Modells als bereits umgesetzt; sie werden unter „Bereits umgesetzt“ angerechnet und nicht erneut vorgeschlagen.`,
    warnDisagreements: (n: number, apart: string) =>
      `Die Befragten liegen bei ${n} ${plural(n, 'Frage', 'Fragen')} um ${apart} oder mehr auseinander; lesen Sie „Zu klärende Abweichungen“, bevor Sie auf diese Werte hin handeln.`,
    warnUnassessed: (dimensions: string[], gated: string[]) =>
      `Nicht bewertet (keine gewerteten Antworten): ${list(dimensions)}.${gated.length ? ` ${cap(list(gated))}, die sie voraussetzen, können erst erreicht werden, wenn sie bewertet sind.` : ''}`,
    warnThin: (dimensions: string[]) => `Für ${list(dimensions)} wurde weniger als die Hälfte der Fragen beantwortet; diese Werte sind mit Vorsicht zu lesen.`,
    warnNoRespondents: 'Bisher hat niemand geantwortet.',
  },

  report: {
    title: (model: string, org: string) => `${model} – Bewertung: ${org}`,
    scope: 'Umfang',
    date: 'Datum',
    assessor: 'Bewertet von',
    respondents: 'Befragte',
    questionnaire: 'Fragebogen',
    modelVersion: 'Modell',
    respondent: (name: string, role: string | undefined) => (role ? `${name} (${role})` : name),
    contents: 'Inhalt',
    executiveSummary: 'Zusammenfassung',
    overallLine: (name: string, score: string, lowest: string, highest: string) => `${name}: ${score} (Skala ${lowest} bis ${highest})`,
    largestGaps: 'Die größten Lücken zum Ziel:',
    gapLine: (score: string, target: number, level: string) => `${score} bei einem Ziel von ${target} (Stufe heute: ${level}).`,
    startWith: 'Beginnen Sie mit:',
    scoresByAxis: 'Werte nach Achse',
    scores: 'Werte',
    scoresIntro:
      'Eine Stufe ist erreicht, sobald der Wert sie erreicht: Ein Wert von 2,7 ist Stufe 2. Die Abdeckung ist der Anteil der gestellten Fragen, die mindestens eine befragte Person mit einer gewerteten Option beantwortet hat (nicht „nicht zutreffend“ oder „weiß nicht“); „Antworten“ ist der Anteil aller Antworten der Befragten auf diese Fragen, die gewertet wurden. Die Streuung ist die größte Abweichung zwischen Befragten bei einer einzelnen Frage.',
    axisLine: (score: string, target: string, below: number, total: number) =>
      `Durchschnittlicher Wert ${score} bei einem durchschnittlichen Ziel von ${target}; ${below} von ${total} Dimensionen unter dem Ziel.`,
    axisScoreLine: (score: string) => `Wert ${score}.`,
    dimension: 'Dimension',
    score: 'Wert',
    level: 'Stufe',
    target: 'Ziel',
    gap: 'Lücke',
    coverage: 'Abdeckung',
    answerShare: 'Antworten',
    spread: 'Streuung',
    coverageValue: (pct: string, answered: number, questions: number) => `${pct} (${answered}/${questions} Fragen)`,
    dimensionLevel: (dimension: string, level: number) => `${dimension}, Stufe ${level}:`,
    levelWord: (level: string) => `Stufe ${level}`,
    targetOverridden: 'Ziel für diese Bewertung festgelegt statt des Standardwerts des Modells.',
    whereItStands: 'Wo die Organisation steht',
    reachedCol: 'Erreicht',
    requires: 'Voraussetzungen',
    stagesIntro: (_noun: string, nouns: string) => `Die ${nouns} werden jeweils für sich beurteilt: Eine Organisation kann spätere ${nouns} vor früheren erreichen.`,
    attainedCol: 'Erreicht',
    progress: 'Fortschritt',
    disagreements: 'Zu klärende Abweichungen',
    noDisagreements: (apart: string) => `Die Befragten lagen bei keiner Frage um ${apart} oder mehr auseinander.`,
    disagreementsIntro: (n: number, how: Aggregation, apart: string) =>
      `Die Befragten liegen bei ${n} ${plural(n, 'Frage', 'Fragen')} um ${apart} oder mehr auseinander. Die Werte beruhen auf ${{ median: 'dem Median', mean: 'dem Mittelwert', min: 'der niedrigsten Antwort' }[how]}; besprechen Sie ${plural(n, 'diesen Punkt', 'diese Punkte')}, bevor Sie danach handeln.`,
    disagreementMeta: (dimension: string, spread: number, how: Aggregation, value: string) =>
      `${dimension}; Streuung ${spread} Stufen; ${{ median: 'Median', mean: 'Mittelwert', min: 'niedrigste Antwort' }[how]} ${value}`,
    roadmap: 'Roadmap',
    noRoadmap: 'Jede bewertete Dimension liegt auf oder über ihrem Ziel: Keine Initiative ist nötig, um eine Lücke zu schließen.',
    roadmapIntro: (count: number, months: number, capacity: number, from: string, to: string) =>
      `${count} ${plural(count, 'Initiative', 'Initiativen')} über ${months} Monate, von ${from} bis ${to}, höchstens ${capacity} gleichzeitig, so geordnet, dass nichts vor dem beginnt, wovon es abhängt. Jede Welle umfasst die Initiativen, die in ihr beginnen, und reicht bis zum Ende der letzten von ihnen.`,
    overrun: (months: number, horizon: number, capacity: number, capacityToFit: number | null, criticalPath: number) =>
      `Dieser Plan braucht ${months} Monate, ${months - horizon} mehr als der Horizont von ${horizon} Monaten, bei ${capacity} ${plural(capacity, 'Initiative', 'Initiativen')} gleichzeitig. ` +
      (capacityToFit !== null
        ? `Mit ${capacityToFit} gleichzeitig passt er in ${horizon} Monate.`
        : `Kein Tempo bringt ihn in den Horizont: Die längste Kette aufeinander wartender Initiativen dauert allein ${criticalPath} Monate.`),
    waveTitle: (title: string, from: string, to: string) => `${title} (läuft ${from} – ${to})`,
    laterWaveTitle: (horizon: number, from: string, to: string) => `Nach dem Horizont von ${horizon} Monaten: ${from} – ${to}`,
    // "hebt Schnelle Bereitstellung" would need the name inflected; after a colon it stands as it is.
    initiativeMeta: (effort: string, period: string, raises: string) => `Aufwand: ${effort}; ${period}; Wirkung: ${raises}`,
    alternatives: 'Alternativen:',
    byOutcome: 'Die Roadmap nach Ergebnissen',
    byOutcomeIntro: 'Was die Initiativen bewirken, nach den Ergebnissen, die das Modell nennt. Eine Initiative kann mehreren Ergebnissen dienen.',
    outcome: 'Ergebnis',
    outcomeWork: (count: number, period: string) => (count ? `${count} ${plural(count, 'Initiative', 'Initiativen')}, ${period}` : 'keine Initiative vorgeschlagen'),
    outcomeInPlace: (count: number) => `${count} bereits umgesetzt`,
    inPlaceTitle: 'Bereits umgesetzt',
    inPlaceIntro:
      'Die Antworten zeigen, dass diese Initiativen des Modells bereits erledigt sind; die Roadmap schlägt sie daher nicht vor. Jede Frage steht einmal, nach den Initiativen, die ihre Antworten belegen (eine Initiative, die auf mehreren Fragen beruht, steht bei jeder): zuerst die Antwort, die für die Befragten steht (der Median), mit den Personen, die sie gegeben haben, dann jede andere Antwort mit den Personen, die sie gegeben haben; eine Notiz steht unter der genannten Nummer im Anhang.',
    noneInPlace: 'Die Antworten zeigen noch keine Initiative des Modells als umgesetzt.',
    why: 'Warum:',
    after: 'Nach:',
    timeline: 'Zeitplan',
    timelineTitle: (org: string) => `Roadmap für ${org}`,
    months: 'Monate',
    monthShort: (n: number) => `M${n}`,
    period: 'Zeitraum',
    appendix: 'Anhang: alle Antworten',
    noteRef: (n: number) => `Notiz ${n}`,
    noteNumbered: (n: number, note: string) => `(${n}) ${note}`,
    /** `numbers`: the notes' numbers, as the report writes them. */
    notesInAppendix: (numbers: string[]) => `Siehe ${numbers.length === 1 ? 'Notiz' : 'Notizen'} ${list(numbers)} im Anhang.`,
    question: 'Frage',
    asked: 'Gestellt',
    answer: 'Antwort',
    note: 'Notiz',
    noAnswers: 'Noch keine Antworten.',
    radarTitle: (targets: boolean) => (targets ? 'Aktueller Wert und Ziel je Dimension' : 'Wert je Dimension'),
    radarCurrent: 'Aktuell',
    radarTarget: 'Ziel',
    radarAlt: (org: string, targets: boolean) => `Netzdiagramm mit aktuellem Wert${targets ? ' und Ziel' : ''} von ${org} für jede Dimension. Dieselben Zahlen stehen in den Tabellen unten.`,
    barsAlt: (org: string, targets: boolean) =>
      `Balkendiagramm mit aktuellem Wert von ${org} für jede Dimension${targets ? ', das Ziel als Markierung' : ''}. Dieselben Zahlen stehen in den Tabellen unten.`,
    placementTitle: (parts: string[]) => list(parts),
    placementAlt: (phases: { title: string; noun: string; reached: string } | null, stages: { title: string; noun: string; predominant: string } | null) =>
      `${[phases && `${phases.title}; erreicht: ${phases.reached}`, stages && `${stages.title} mit Erreichungsgrad; Schwerpunkt: ${stages.predominant}`].filter(Boolean).join('; ')}.`,
    timelineAlt: (count: number) =>
      `Zeitplan der ${count} Initiativen der Roadmap nach Monaten, mit Pfeilen von jeder Initiative zu denen, die von ihr abhängen. Derselbe Plan steht unten nach Wellen geordnet.`,
    phaseReachedMark: 'erreicht',
    predominant: 'Schwerpunkt',
    dimensionSection: 'Dimensionen im Einzelnen',
    descriptor: 'Beschreibung der Stufe',
    notes: 'Notizen',
    noNotes: 'Keine Notizen.',
    noteShortened: (total: number) => `[im PDF gekürzt; die Notiz hat ${total} Zeichen: vollständig im HTML- oder Markdown-Bericht oder in der Antwortdatei]`,
    dimensionDisagreements: 'Abweichungen',
    byWave: 'Nach Welle',
    dependsOn: 'Hängt ab von',
    start: 'Beginn',
    end: 'Ende',
    effort: 'Aufwand',
    initiative: 'Initiative',
    initiatives: 'Initiativen',
    wave: 'Welle',
    page: (n: number, total: number) => `Seite ${n} von ${total}`,
    generatedFrom: (file: string) => `Erstellt aus ${file}`,
    missingGlyphs: 'Einige Zeichen lassen sich in dieser Schrift nicht darstellen und erscheinen als �.',
  },

  /**
   * The interview's own wording (progress, the answers every question offers, moves, prompts for the
   * assessment's details, the score summary, closing messages); the questionnaire's texts come from the
   * questionnaire.
   */

  compare: {
    title: (org: string) => `Was sich bewegt hat: ${org}`,
    baseline: 'Ausgangslage',
    current: 'Aktuell',
    summary: 'Zusammenfassung',
    overall: (name: string, before: string, after: string, delta: string, shared: number, up: number, down: number) =>
      `${name}: ${before} → ${after} (${delta}), über ${plural(shared, 'die eine Dimension', `die ${shared} Dimensionen`)}, die beide Bewertungen gemeinsam haben: ${up} gestiegen, ${down} gesunken, ${shared - up - down} unverändert oder nicht vergleichbar.`,
    still: (title: string, now: string) => `${title}: weiterhin ${now}.`,
    moved: (title: string, from: string, to: string, forward: boolean) => `${title}: ${from} → ${to} (${forward ? 'vorwärts' : 'zurück'}).`,
    stillPredominant: (title: string, now: string) => `${title}: Schwerpunkt weiterhin ${now}.`,
    movedPredominant: (title: string, from: string, to: string) => `${title}: Schwerpunkt ${from} → ${to}.`,
    dimensions: 'Dimensionen',
    before: 'Vorher',
    after: 'Nachher',
    change: 'Änderung',
    gapNow: 'Lücke jetzt',
    attainment: (attained: boolean, pct: string) => `${attained ? 'erreicht' : 'nicht erreicht'} (${pct})`,
    gaps: 'Lücken',
    noGapChange: 'Keine Dimension ist unter ihr Ziel gefallen oder hat es erreicht.',
    closed: (dimension: string, gap: string) => `Geschlossen: ${dimension} (lag ${gap} unter dem Ziel)`,
    opened: (dimension: string, gap: string) => `Neue Lücke: ${dimension} (jetzt ${gap} unter dem Ziel)`,
    sameRoadmap: 'Die Roadmap enthält dieselben Initiativen wie zuvor.',
    noLongerNeeded: (initiative: string) => `Nicht mehr nötig: ${initiative}`,
    nowNeeded: (initiative: string) => `Neu nötig: ${initiative}`,
    notCompared: 'Nicht verglichen',
    notComparedLine: (what: string, id: string, reason: string) => `${cap(what)} ${id}: ${reason}`,
    dimensionNoun: 'Dimension',
    reasons: {
      'only-current': 'nur in der aktuellen Bewertung',
      'only-baseline': 'nur in der Ausgangslage',
      'not-assessed-either': 'in keiner der beiden bewertet',
      'not-assessed-baseline': 'in der Ausgangslage nicht bewertet',
      'not-assessed-current': 'in der aktuellen Bewertung nicht bewertet',
      'different-models': 'die Bewertungen verwenden verschiedene Modelle',
    },
    differentOrganisations: (baseline: string, current: string) => `Die Bewertungen betreffen verschiedene Organisationen (${baseline} und ${current}).`,
    differentQuestionnaires: (baseline: string, current: string) => `Die Fragebögen unterscheiden sich (${baseline} und ${current}); Dimensionen werden verglichen, wo ihre IDs übereinstimmen.`,
    differentModels: (baseline: string, current: string) => `Die Modelle unterscheiden sich (${baseline} und ${current}); nur Dimensionen mit derselben ID werden verglichen.`,
    differentModelVersions: (baseline: string, current: string, compared: string[]) =>
      `Die Modellversionen unterscheiden sich (${baseline} und ${current}): Was eine Stufe bedeutet, kann sich zwischen ihnen geändert haben; lesen Sie Bewegungen der Werte mit den Änderungen des Modells im Blick.${compared.length ? ` ${cap(list(compared))} werden nach ID verglichen.` : ''}`,
  },

  portfolio: {
    title: 'Portfolio der Bewertungen',
    units: (n: number, labels: string[]) => `${n} ${plural(n, 'Bewertung', 'Bewertungen')}: ${labels.join(', ')}.`,
    furthest: 'Am weitesten vom Ziel entfernt',
    furthestIntro: 'Geordnet nach der gewichteten mittleren Lücke zum Ziel über die bewerteten Dimensionen.',
    unit: 'Einheit',
    meanGap: 'Mittlere Lücke',
    dimensionsBelowTarget: 'Dimensionen unter dem Ziel',
    largestGap: 'Größte Lücke',
    distribution: 'Verteilung je Dimension',
    min: 'Min.',
    median: 'Median',
    max: 'Max.',
    belowTarget: 'Unter dem Ziel',
    levelColumn: (level: string) => `Stufe ${level}`,
    notAssessed: 'Nicht bewertet',
    heatmap: 'Heatmap',
    heatmapIntro: (lowest: string, highest: string) => `Werte nach Einheit und Dimension (${lowest} bis ${highest}; – nicht bewertet).`,
  },
  interview: {
    progressLine: (p) => `Abschnitt ${p.section}/${p.sections} - Frage ${p.question}/${p.questions}`,
    notApplicable: 'Nicht zutreffend',
    dontKnow: 'Weiß nicht',
    currentAnswer: '(bisherige Antwort)',
    moves: { back: '← Zurück', skip: '→ Vorerst überspringen', help: '? Hilfe', summary: '≡ Abschnitt anzeigen', quit: '✕ Speichern und beenden' },
    keyHint: (answers, first) => `${answers <= 9 ? `1-${answers} antworten` : 'Nummer, ⏎'} · n Notiz · ${first ? '' : 'b zurück · '}s überspringen · h Hilfe · l Liste · q beenden`,
    moveNote: '✎ Notiz hinzufügen',
    note: 'Notiz',
    noteKeep: 'Enter behält sie, Tab bearbeitet sie, Rücktaste löscht sie',
    noteSkip: 'Enter ohne Text fügt keine hinzu',
    noteFor: (answer) => `Antwort: ${answer}`,
    noteBeforeAnswer: 'Noch nicht beantwortet: Die Notiz wird mit der Antwort gespeichert.',
    notePending: (note) => `✎ Notiz, wird mit der Antwort gespeichert: ${note}`,
    noteHidden: (n, where) => `… ${n.toLocaleString('de')} weitere${n === 1 ? 's' : ''} Zeichen ${where === 'before' ? 'darüber' : 'darunter'}`,
    tooLarge: (p) =>
      `${p.path} würde auf ${p.size.toLocaleString('de')} Bytes wachsen, über die Grenze von 2 MiB, die jeder itaas-Befehl liest; nichts wurde gespeichert: ${
        p.chars
          ? `kürzen Sie die Notiz um mindestens ${p.chars.toLocaleString('de')} Zeichen.`
          : 'kürzen Sie eine lange Notiz darin, oder beginnen Sie eine neue Antwortdatei für die nächsten Befragten.'
      }`,
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
    typeAnswer: 'Bitte geben Sie eine Antwort ein.',
    chooseHint: '↑↓ bewegen · ⏎ wählen',
    listHint: '↑↓ bewegen · ⏎ hingehen · Esc oder q schließen',
    interviewing: (who, path) => `Interview mit ${who}. Die Antworten werden laufend in ${path} gespeichert.`,
    resuming: (p) => `Weiter bei Frage ${p.question} von ${p.questions}; bisher ${p.answered} beantwortet.`,
    skipped: (n) => `${n}. vorerst übersprungen; die Frage wird am Ende erneut angeboten.`,
    helpTitle: (question) => `Hilfe: ${question}`,
    noHelp: 'Zu dieser Frage gibt es keine weitere Erläuterung.',
    answeredOf: (answered, questions) => `${answered}/${questions} beantwortet`,
    resumeEntry: (who, answered) => `${who} fortsetzen, ${answered}`,
    reviewEntry: (who) => `${who} durchsehen, abgeschlossen`,
    whoIsNext: (path, n) => `${path} enthält ${n} ${n === 1 ? 'befragte Person' : 'befragte Personen'}. Wer ist als Nächstes an der Reihe?`,
    sectionList: (section, answered, questions) => `${section}: ${answered} von ${questions} beantwortet. Wählen Sie eine Frage, um zu ihr zu springen.`,
    duplicateName: (name) => `${name} ist bereits in dieser Datei; setzen Sie stattdessen das bestehende Interview fort oder ergänzen Sie ein unterscheidendes Merkmal.`,
    scoresSoFar: (organisation, n) => `${organisation}: bisherige Werte (${n} ${n === 1 ? 'befragte Person' : 'befragte Personen'}, Median)`,
    notAssessedYet: 'noch nicht bewertet',
    target: (level) => `Ziel ${level}`,
    phaseReached: (noun) => `${cap(noun)} erreicht:`,
    overall: (name, score) => `${name}: ${score}`,
    towardsPhase: (progress, phase) => `(${phase} ist zu ${percent(progress)} erreicht)`,
    savedSoFar: (p) => `Gespeichert in ${p.path}: ${p.answered} von ${p.questions} Fragen für ${p.name} beantwortet.`,
    resumeWith: (command) => `Fortsetzen mit: ${command}`,
    completed: (p) => `Das Interview mit ${p.name} ist abgeschlossen${p.unanswered ? ` (${p.unanswered} unbeantwortet)` : ''}; die Antworten stehen in ${p.path}.`,
    next: (command) => `Als Nächstes: ${command}`,
    anotherRespondent: (command) => `Weitere befragte Person: ${command}`,
    interrupted: (path) => `Abgebrochen. Jede bestätigte Antwort ist in ${path} gespeichert.`,
    interruptedUnsaved: (path) => `Abgebrochen, bevor etwas gespeichert wurde; ${path} wurde nicht angelegt.`,
    interruptedAlone: 'Abgebrochen.',
  },

  /** The wording of `questionnaire show` itself. */
  show: {
    questions: (n: number) => `${n} ${n === 1 ? 'Frage' : 'Fragen'}`,
    sections: (n: number) => `${n} ${n === 1 ? 'Abschnitt' : 'Abschnitte'}`,
    model: 'Modell',
    writtenIn: (language: string) => `verfasst auf ${language}`,
    dimension: 'Dimension',
    weight: 'Gewicht',
    shownWhen: 'gezeigt, wenn',
    help: 'Hilfe',
    alsoOffered: 'außerdem',
    na: 'Nicht zutreffend',
    dontKnow: 'Weiß nicht',
    answered: (q: string, ids: string) => `${q} mit ${ids} beantwortet ist`,
    notAnswered: (q: string, ids: string) => `${q} beantwortet ist, aber nicht mit ${ids}`,
    or: 'oder',
    and: 'und',
    not: 'nicht',
  },
};
