import type { Aggregation } from '../core/score.js';
/**
 * Every fixed phrase of the reports, in English. This object's type is the contract for other
 * languages: a translation is `export const de: Messages = { ... }` and the compiler names anything
 * missing. Functions take already-resolved names (dimension titles and so on) and plain numbers.
 */

/** "a", "a and b", "a, b and c". */
const list = (xs: string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const percent = (n: number): string => `${n}%`;
/** A name inside a sentence, in the language's quotation marks. */
const quote = (s: string): string => `“${s}”`;
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const cap = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

export const en = {
  lang: 'en',
  /** The decimal mark in numbers such as scores (2.5). */
  decimal: '.',
  /** A whole percentage as the language writes it (83%). */
  percent,
  list,
  quote,

  /**
   * Neutral names for a model's own concepts. A model replaces any of them with its own words under
   * `terms:` (in each of its languages), so nothing here belongs to one model.
   */
  terms: {
    overallScore: 'Overall score',
    phase: 'phase',
    phases: 'phases',
    phasesTitle: 'Phases',
    lastPhase: 'This is the last phase; the work now is to close the remaining gaps and keep the gains.',
    stage: 'stage',
    stages: 'stages',
    stagesTitle: 'Stages',
    stagesSubject: 'The organisation',
    assessment: 'a maturity assessment',
  },
  /** How far apart answers are, for the disagreement threshold: `shown` is the number as the report writes it. */
  apart: (x: number, shown: string) => (x === 1 ? 'a level' : x === 2 ? 'two levels' : x === 3 ? 'three levels' : `${shown} levels`),
  /** A noun as a column heading or at the start of a sentence. */
  cap,

  // Values that stand in for a level, an answer or a wave.
  notAssessed: 'not assessed',
  notApplicable: 'Not applicable',
  dontKnow: "Don't know",
  /** A calendar month in short, e.g. "Mar 2025" (month 1..12). */
  monthYear: (month: number, year: number) => `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${year}`,
  yes: 'yes',
  no: 'no',
  met: 'met',
  none: 'none',

  reason: {
    /** A step that no phase needs, closed by this item alone. */
    closesGap: (dimension: string, from: string, to: string) => `closes the gap in ${dimension} from ${from} to ${to}`,
    /** Several items raise the same step and close it together: each names the others. */
    closesWith: (others: string[], dimension: string, from: string, to: string) => `with ${list(others.map(quote))}, closes the gap in ${dimension} from ${from} to ${to}`,
    /**
     * A step the next phase needs. `others`: the items that close it with this one; `part`: the range this
     * item closes when it is not all of what is missing, or null.
     */
    phaseGap: (dimension: string, score: string, short: string, min: string, phase: string, others: string[], part: { from: string; to: string } | null) =>
      `${dimension} is at ${score}, ${short} short of the ${min} that ${phase} needs; ${others.length ? `with ${list(others.map(quote))} ` : ''}this closes ${part ? `the part from ${part.from} to ${part.to}` : 'it'}`,
    alternativeTo: (others: string[]) => `proposed in place of ${list(others.map(quote))}, which would reach the same levels another way`,
    neededFirstBy: (initiatives: string[]) => `needed first by ${list(initiatives.map(quote))}`,
    /** Joins the parts into one sentence. */
    sentence: (parts: string[]) => {
      const joined = parts.join('; ');
      return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}.`;
    },
  },

  summary: {
    notYetReached: (org: string, phase: string) => `${org} has not yet reached ${phase}.`,
    reached: (org: string, phase: string) => `${org} has reached ${phase}.`,
    nextPhaseProgress: (noun: string, phase: string, progress: number) => `It is ${percent(progress)} of the way to the next ${noun}, ${phase}.`,
    phaseProgress: (phase: string, progress: number) => `It is ${percent(progress)} of the way to ${phase}.`,
    blockerNotAssessed: (dimension: string) => `${dimension} (not assessed)`,
    blocker: (dimension: string, score: string, min: number) => `${dimension} (${score}, needs ${min})`,
    heldBackMost: (blocker: string, others: string[]) => `It is held back most by ${blocker}${others.length ? `, and also by ${list(others)}.` : '.'}`,
    /** `noun`: the model's word for a stage. */
    predominantStage: (subject: string, stage: string, noun: string) => `${subject} is predominantly at the ${quote(stage)} ${noun}.`,
    /** Stages attained besides the predominant one. */
    attained: (stages: string[]) => `It has also attained ${list(stages)}.`,
    notYetAttained: (stages: string[]) => `Not yet attained: ${list(stages)}.`,
    stageProgress: (stage: string, attainment: number) => `${stage} (${percent(attainment)})`,
    /** `noun` and `nouns`: the model's words for one stage and for several. */
    foundations: (noun: string, _nouns: string, stage: string) => `Note that a later ${noun} is attained while ${quote(stage)} is not: the foundations under it need attention.`,
    /** `next`: the phase the work leads to first, or null when there is none. */
    roadmap: (count: number, months: number, from: string, to: string, next: string | null) =>
      `The roadmap has ${count} ${plural(count, 'initiative', 'initiatives')} over ${months} months (${from} – ${to}), ordered so that nothing starts before what it depends on${next ? ` and the work toward ${next} comes first` : ''}.`,
    /** A model without phases or stages: its strongest and weakest dimensions, as `dimensionScore` gives them. */
    range: (strongest: string[], weakest: string[]) => `Highest scores: ${list(strongest)}. Lowest: ${list(weakest)}.`,
    /** A dimension with its score and the level label it reaches. */
    dimensionScore: (dimension: string, score: string, level: string) => `${dimension} (${score}, ${level})`,
    belowTarget: (below: number, total: number) => `${below} of ${total} assessed ${plural(total, 'dimension is', 'dimensions are')} below target.`,
    inPlace: (n: number) => `The answers show ${n} ${plural(n, 'initiative', 'initiatives')} of the model already in place; they are credited under “Already in place” and not proposed again.`,
    warnDisagreements: (n: number, apart: string) =>
      `Respondents differ by ${apart} or more on ${n} ${plural(n, 'question', 'questions')}; see “Disagreements to discuss” before acting on those scores.`,
    /** `gated`: what the model gates on dimension scores, in the plural ("phases", "stages"); may be empty. */
    warnUnassessed: (dimensions: string[], gated: string[]) =>
      `Not assessed (no scored answers): ${list(dimensions)}.${gated.length ? ` ${cap(list(gated))} that need them cannot be reached until they are.` : ''}`,
    warnThin: (dimensions: string[]) => `Less than half of the questions were answered for ${list(dimensions)}; treat those scores with care.`,
    warnNoRespondents: 'No respondent has answered yet.',
  },

  report: {
    /** The report's title: the model's title and the organisation. */
    title: (model: string, org: string) => `${model} assessment: ${org}`,
    scope: 'Scope',
    date: 'Date',
    assessor: 'Assessor',
    respondents: 'Respondents',
    questionnaire: 'Questionnaire',
    modelVersion: 'Model',
    respondent: (name: string, role: string | undefined) => (role ? `${name} (${role})` : name),
    contents: 'Contents',
    executiveSummary: 'Executive summary',
    /** The overall score with the model's name for it and the range of its scale. */
    overallLine: (name: string, score: string, lowest: string, highest: string) => `${name}: ${score} (scale ${lowest} to ${highest})`,
    largestGaps: 'The largest gaps to target:',
    gapLine: (score: string, target: number, level: string) => `${score} against a target of ${target} (level today: ${level}).`,
    startWith: 'Start with:',
    scoresByAxis: 'Scores by axis',
    scores: 'Scores',
    scoresIntro:
      "A dimension is at a level once its score reaches it: a score of 2.7 is level 2. Coverage is the share of the questions asked that at least one respondent answered with a scored option (not “not applicable” or “don't know”); “Answers” is the share of all respondents' answers to those questions that were scored. Spread is the widest disagreement between respondents on any one question.",
    axisLine: (score: string, target: string, below: number, total: number) => `Average score ${score} against an average target of ${target}; ${below} of ${total} dimensions below target.`,
    axisScoreLine: (score: string) => `Score ${score}.`,
    dimension: 'Dimension',
    score: 'Score',
    level: 'Level',
    target: 'Target',
    gap: 'Gap',
    coverage: 'Coverage',
    answerShare: 'Answers',
    spread: 'Spread',
    coverageValue: (pct: string, answered: number, questions: number) => `${pct} (${answered}/${questions} questions)`,
    dimensionLevel: (dimension: string, level: number) => `${dimension}, level ${level}:`,
    levelWord: (level: string) => `level ${level}`,
    targetOverridden: 'Target set for this assessment rather than the model default.',
    whereItStands: 'Where the organisation stands',
    reachedCol: 'Reached',
    requires: 'Requires',
    /** `noun` and `nouns`: the model's words for one stage and for several. */
    stagesIntro: (noun: string, _nouns: string) => `Each ${noun} is judged on its own: an organisation can attain a later ${noun} before an earlier one.`,
    attainedCol: 'Attained',
    progress: 'Progress',
    disagreements: 'Disagreements to discuss',
    noDisagreements: (apart: string) => `Respondents did not differ by ${apart} or more on any question.`,
    disagreementsIntro: (n: number, how: Aggregation, apart: string) =>
      `Respondents differ by ${apart} or more on ${n} ${plural(n, 'question', 'questions')}. The scores use ${{ median: 'the median', mean: 'the mean', min: 'the lowest answer' }[how]}; talk ${plural(n, 'it', 'them')} through before acting on ${plural(n, 'that score', 'those scores')}.`,
    disagreementMeta: (dimension: string, spread: number, how: Aggregation, value: string) =>
      `${dimension}; spread ${spread} levels; ${{ median: 'median', mean: 'mean', min: 'lowest' }[how]} ${value}`,
    roadmap: 'Roadmap',
    noRoadmap: 'Every assessed dimension is at or above its target: no initiative is needed to close a gap.',
    roadmapIntro: (count: number, months: number, capacity: number, from: string, to: string) =>
      `${count} ${plural(count, 'initiative', 'initiatives')} over ${months} months, from ${from} to ${to}, at most ${capacity} at a time, ordered so that nothing starts before what it depends on. Each wave holds the initiatives that start in it and runs until the last of them ends.`,
    /** The plan does not fit the model's horizon: say by how much and what would fit it. */
    overrun: (months: number, horizon: number, capacity: number, capacityToFit: number | null, criticalPath: number) =>
      `This plan needs ${months} months, ${months - horizon} more than the ${horizon}-month horizon, at ${capacity} ${plural(capacity, 'initiative', 'initiatives')} at a time. ` +
      (capacityToFit !== null
        ? `Running ${capacityToFit} at a time would bring it within ${horizon} months.`
        : `No pace fits it in: the longest chain of initiatives that wait for one another takes ${criticalPath} months on its own.`),
    /** A wave: the model's name for it and its real span. */
    waveTitle: (title: string, from: string, to: string) => `${title} (runs ${from} – ${to})`,
    laterWaveTitle: (horizon: number, from: string, to: string) => `Beyond the ${horizon}-month horizon: ${from} – ${to}`,
    initiativeMeta: (effort: string, period: string, raises: string) => `${effort} effort; ${period}; raises ${raises}`,
    alternatives: 'Alternatives:',
    byOutcome: 'The roadmap by outcome',
    byOutcomeIntro: 'What the initiatives deliver, by the outcomes the model names. An initiative can serve several outcomes.',
    outcome: 'Outcome',
    outcomeWork: (count: number, period: string) => (count ? `${count} ${plural(count, 'initiative', 'initiatives')}, ${period}` : 'no initiative proposed'),
    outcomeInPlace: (count: number) => `${count} already in place`,
    inPlaceTitle: 'Already in place',
    inPlaceIntro:
      'The answers show that these initiatives of the model are done already, so the roadmap does not propose them. Each question is given once, after the initiatives its answers help show (an initiative that rests on several questions is named at each): the answer that stands for the respondents (the median one) with who gave it, then any other answer with who gave that; a note is in the appendix under the number given.',
    noneInPlace: "The answers show none of the model's initiatives in place yet.",
    why: 'Why:',
    after: 'After:',
    timeline: 'Timeline',
    timelineTitle: (org: string) => `Roadmap for ${org}`,
    months: 'Months',
    monthShort: (n: number) => `M${n}`,
    period: 'When',
    appendix: 'Appendix: every answer',
    question: 'Question',
    asked: 'Asked',
    answer: 'Answer',
    note: 'Note',
    noAnswers: 'No answers yet.',
    /** A note is printed in full once, in the appendix, under its number; elsewhere it is referred to. */
    noteRef: (n: number) => `note ${n}`,
    noteNumbered: (n: number, note: string) => `(${n}) ${note}`,
    /** `numbers`: the notes' numbers, as the report writes them. */
    notesInAppendix: (numbers: string[]) => `See ${numbers.length === 1 ? 'note' : 'notes'} ${list(numbers)} in the appendix.`,
    // HTML and PDF only.
    radarTitle: (targets: boolean): string => (targets ? 'Current and target score per dimension' : 'Score per dimension'),
    radarCurrent: 'Current',
    radarTarget: 'Target',
    radarAlt: (org: string, targets: boolean) => `Radar chart of ${org}'s current score${targets ? ' and target' : ''} for each dimension. The same figures are in the tables below.`,
    /** The radar's layout for narrow screens: a bar per dimension. */
    barsAlt: (org: string, targets: boolean) => `Bar chart of ${org}'s current score for each dimension${targets ? ', with a mark at its target' : ''}. The same figures are in the tables below.`,
    placementTitle: (parts: string[]) => list(parts),
    placementAlt: (phases: { title: string; noun: string; reached: string } | null, stages: { title: string; noun: string; predominant: string } | null) =>
      `${[phases && `${phases.title} with the ${phases.noun} reached, ${phases.reached}, marked`, stages && `${stages.title} with their attainment; predominant ${stages.noun} ${stages.predominant}`]
        .filter(Boolean)
        .join('; ')}.`,
    timelineAlt: (count: number) => `Timeline of the ${count} roadmap initiatives by month, with arrows from each initiative to those that depend on it. The same schedule is listed by wave below.`,
    phaseReachedMark: 'reached',
    predominant: 'predominant',
    dimensionSection: 'Dimensions in detail',
    descriptor: 'Level descriptor',
    notes: 'Notes',
    noNotes: 'No notes.',
    noteShortened: (total: number) => `[shortened in the PDF; the note has ${total} characters: read it in full in the HTML or Markdown report or the answers file]`,
    dimensionDisagreements: 'Disagreements',
    byWave: 'By wave',
    dependsOn: 'Depends on',
    start: 'Start',
    end: 'End',
    effort: 'Effort',
    initiative: 'Initiative',
    initiatives: 'Initiatives',
    wave: 'Wave',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    generatedFrom: (file: string) => `Generated from ${file}`,
    missingGlyphs: 'Some characters could not be shown in this font and appear as �.',
  },

  /** `itaas compare`: what moved between two assessments. Model nouns come in as `words` (the model's terms). */
  compare: {
    title: (org: string) => `What moved: ${org}`,
    baseline: 'Baseline',
    current: 'Current',
    summary: 'Summary',
    overall: (name: string, before: string, after: string, delta: string, shared: number, up: number, down: number) =>
      `${name}: ${before} → ${after} (${delta}), over the ${shared} ${plural(shared, 'dimension', 'dimensions')} both assessments share: ${up} up, ${down} down, ${shared - up - down} unchanged or not comparable.`,
    /** `title`: the model's heading for its phases or stages, e.g. "Journey phases". */
    still: (title: string, now: string) => `${title}: still ${now}.`,
    moved: (title: string, from: string, to: string, forward: boolean) => `${title}: ${from} → ${to} (${forward ? 'forward' : 'back'}).`,
    stillPredominant: (title: string, now: string) => `${title}: still predominantly ${now}.`,
    movedPredominant: (title: string, from: string, to: string) => `${title}: predominantly ${from} → ${to}.`,
    dimensions: 'Dimensions',
    before: 'Before',
    after: 'After',
    change: 'Change',
    gapNow: 'Gap now',
    attainment: (attained: boolean, pct: string) => `${attained ? 'attained' : 'not attained'} (${pct})`,
    gaps: 'Gaps',
    noGapChange: 'No dimension fell below or rose to its target.',
    closed: (dimension: string, gap: string) => `Closed: ${dimension} (was ${gap} below target)`,
    opened: (dimension: string, gap: string) => `New gap: ${dimension} (now ${gap} below target)`,
    sameRoadmap: 'The roadmap holds the same initiatives as before.',
    noLongerNeeded: (initiative: string) => `No longer needed: ${initiative}`,
    nowNeeded: (initiative: string) => `Now needed: ${initiative}`,
    notCompared: 'Not compared',
    /** One thing left out: what it is (the model's noun), its id and why. */
    notComparedLine: (what: string, id: string, reason: string) => `${what} ${id}: ${reason}`,
    dimensionNoun: 'dimension',
    reasons: {
      'only-current': 'only in the current assessment',
      'only-baseline': 'only in the baseline',
      'not-assessed-either': 'not assessed in either',
      'not-assessed-baseline': 'not assessed in the baseline',
      'not-assessed-current': 'not assessed in the current assessment',
      'different-models': 'the assessments use different models',
    },
    differentOrganisations: (baseline: string, current: string) => `The assessments are of different organisations (${baseline} and ${current}).`,
    differentQuestionnaires: (baseline: string, current: string) => `The questionnaires differ (${baseline} and ${current}); dimensions are compared where their ids match.`,
    differentModels: (baseline: string, current: string) => `The models differ (${baseline} and ${current}); only dimensions with the same id are compared.`,
    /** `compared`: what the model has beyond dimensions, in the plural ("phases", "stages"); may be empty. */
    differentModelVersions: (baseline: string, current: string, compared: string[]) =>
      `The model versions differ (${baseline} and ${current}): what a level means may have changed between them, so read a move in a score with the model's changes in mind${compared.length ? `; ${list(compared)} are compared by id` : ''}.`,
  },

  /** `itaas report --portfolio`: the roll-up across several assessments. */
  portfolio: {
    title: 'Portfolio of assessments',
    units: (n: number, labels: string[]) => `${n} ${plural(n, 'assessment', 'assessments')}: ${labels.join(', ')}.`,
    furthest: 'Furthest from target',
    furthestIntro: 'Ranked by the weighted mean gap to target over the assessed dimensions.',
    unit: 'Unit',
    meanGap: 'Mean gap',
    dimensionsBelowTarget: 'Dimensions below target',
    largestGap: 'Largest gap',
    distribution: 'Distribution per dimension',
    min: 'Min',
    median: 'Median',
    max: 'Max',
    belowTarget: 'Below target',
    levelColumn: (level: string) => `Level ${level}`,
    notAssessed: 'Not assessed',
    heatmap: 'Heatmap',
    heatmapIntro: (lowest: string, highest: string) => `Scores by unit and dimension (${lowest} to ${highest}; – not assessed).`,
  },
  /**
   * The interview's own wording (progress, the answers every question offers, moves, prompts for the
   * assessment's details, the score summary, closing messages); the questionnaire's texts come from the
   * questionnaire.
   */
  interview: {
    progressLine: (p: { section: number; sections: number; question: number; questions: number }) => `Section ${p.section}/${p.sections} - Question ${p.question}/${p.questions}`,
    notApplicable: 'Not applicable',
    dontKnow: "Don't know",
    currentAnswer: '(current answer)',
    moves: { back: '← Back', skip: '→ Skip for now', help: '? Help', summary: '≡ List this section', quit: '✕ Save and quit' },
    keyHint: (answers: number, first: boolean) => `${answers <= 9 ? `1-${answers} answer` : 'type a number, ⏎'} · n note · ${first ? '' : 'b back · '}s skip · h help · l list · q quit`,
    moveNote: '✎ Add a note',
    note: 'Note',
    noteKeep: 'Enter keeps it, Tab edits it, Backspace clears it',
    noteSkip: 'Enter without text adds none',
    noteFor: (answer: string) => `Answer: ${answer}`,
    noteBeforeAnswer: 'Not answered yet: the note is saved with the answer.',
    notePending: (note: string) => `✎ Note, saved with the answer: ${note}`,
    noteHidden: (n: number, where: 'before' | 'after') => `… ${n.toLocaleString('en')} more character${n === 1 ? '' : 's'} ${where === 'before' ? 'above' : 'below'}`,
    /** A save refused because the answers file would pass the size every command reads; `chars`: how much shorter the note must be (0: no note to shorten). */
    tooLarge: (p: { path: string; size: number; chars: number }) =>
      `${p.path} would grow to ${p.size.toLocaleString('en')} bytes, over the 2 MiB limit every itaas command reads; nothing was saved: ${
        p.chars ? `shorten the note by at least ${p.chars.toLocaleString('en')} characters.` : 'shorten a long note in it, or start a new answers file for the next respondents.'
      }`,
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
    helpFooter: (na: string, dk: string) => `${quote(na)} and ${quote(dk)} do not count towards the score; the report shows how much of each dimension was answered.`,
    typeAnswer: 'Please type an answer.',
    chooseHint: '↑↓ move · ⏎ choose',
    listHint: '↑↓ move · ⏎ go to · Esc or q close',
    interviewing: (who: string, path: string) => `Interviewing ${who}. Answers are saved to ${path} as you go.`,
    resuming: (p: { question: number; questions: number; answered: number }) => `Resuming at question ${p.question} of ${p.questions}; ${p.answered} answered so far.`,
    skipped: (n: number) => `${n}. skipped for now; it is listed again at the end.`,
    helpTitle: (question: string) => `Help: ${question}`,
    noHelp: 'This question has no extra explanation.',
    answeredOf: (answered: number, questions: number) => `${answered}/${questions} answered`,
    resumeEntry: (who: string, answered: string) => `Resume ${who}, ${answered}`,
    reviewEntry: (who: string) => `Review ${who}, completed`,
    whoIsNext: (path: string, n: number) => `${path} has ${n} respondent${n === 1 ? '' : 's'}. Who is next?`,
    sectionList: (section: string, answered: number, questions: number) => `${section}: ${answered} of ${questions} answered. Pick a question to go to it.`,
    duplicateName: (name: string) => `${name} is already in this file; resume them instead, or add a distinguishing detail.`,
    scoresSoFar: (organisation: string, n: number) => `${organisation}: scores so far (${n} respondent${n === 1 ? '' : 's'}, median)`,
    notAssessedYet: 'not assessed yet',
    target: (level: string) => `target ${level}`,
    /** `noun`: the model's word for a phase. */
    phaseReached: (noun: string) => `${noun.charAt(0).toUpperCase()}${noun.slice(1)} reached:`,
    overall: (name: string, score: string) => `${name}: ${score}`,
    towardsPhase: (progress: number, phase: string) => `(${percent(progress)} of the way to ${phase})`,
    savedSoFar: (p: { answered: number; questions: number; name: string; path: string }) => `Saved: ${p.answered} of ${p.questions} questions answered for ${p.name}, in ${p.path}.`,
    resumeWith: (command: string) => `Resume with: ${command}`,
    completed: (p: { name: string; unanswered: number; path: string }) => `${p.name}'s interview is complete${p.unanswered ? ` (${p.unanswered} unanswered)` : ''}; answers are in ${p.path}.`,
    next: (command: string) => `Next: ${command}`,
    anotherRespondent: (command: string) => `Another respondent: ${command}`,
    interrupted: (path: string) => `Interrupted. Every confirmed answer is saved in ${path}.`,
    interruptedUnsaved: (path: string) => `Interrupted before anything was saved; ${path} was not created.`,
    interruptedAlone: 'Interrupted.',
  },

  /** The wording of `questionnaire show` itself. */
  show: {
    questions: (n: number) => `${n} question${n === 1 ? '' : 's'}`,
    sections: (n: number) => `${n} section${n === 1 ? '' : 's'}`,
    model: 'model',
    writtenIn: (language: string) => `written in ${language}`,
    dimension: 'dimension',
    weight: 'weight',
    shownWhen: 'shown when',
    help: 'help',
    alsoOffered: 'also offered',
    na: 'Not applicable',
    dontKnow: "Don't know",
    answered: (q: string, ids: string) => `${q} is answered ${ids}`,
    notAnswered: (q: string, ids: string) => `${q} is answered, but not ${ids}`,
    or: 'or',
    and: 'and',
    not: 'not',
  },
};

export type Messages = typeof en;
