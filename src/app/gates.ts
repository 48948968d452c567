import { parseThreshold } from '../core/gates.js';
import type { GateFailure, Threshold } from '../core/gates.js';
import { resolveText } from '../core/text.js';
import { UserError } from '../errors.js';
import { fmtScore } from '../report/context.js';
import type { Model } from '../schema/model.js';

/** Each `--fail-under` value as a threshold; a malformed one is a usage error. */
export function parseThresholds(raw: readonly string[] = []): Threshold[] {
  return raw.map((value) => {
    const threshold = parseThreshold(value);
    if (typeof threshold === 'string') throw new UserError(threshold);
    return threshold;
  });
}

/** The model's name for its overall score as the command line says it (in English where the model has it), e.g. "Overall ITaaS maturity". */
export function overallName(model: Pick<Model, 'terms' | 'language'>): string {
  return resolveText(model.terms?.overallScore, 'en', model.language) || 'overall score';
}

/**
 * One gate failure in words, with the numbers as the report prints them, e.g. "automation 2.3 is below its
 * target 4 by 1.7"; the overall score goes by the model's name for it.
 */
export function describeFailure(failure: GateFailure, baselineName?: string, digits = 1, overall = 'overall score'): string {
  const what = failure.dimension ?? overall;
  // A model may show scores with more decimals (scoring.precision); the message uses the same number.
  const fmt = (x: number) => (digits === 1 ? fmtScore(x) : x.toFixed(digits));
  const actual = failure.actual === null ? 'is not assessed' : fmt(failure.actual);
  const by = digits === 1 ? fmtScore(failure.by) : fmt(failure.required - (failure.actual ?? 0));
  if (failure.kind === 'below-target')
    return failure.actual === null ? `${what} is not assessed, so it cannot meet its target ${failure.required}` : `${what} ${actual} is below its target ${failure.required} by ${by}`;
  if (failure.kind === 'under')
    return failure.actual === null
      ? `${what} is not assessed (--fail-under ${failure.dimension ? `${failure.dimension}=` : ''}${failure.required})`
      : `${what} ${actual} is under ${failure.required} by ${by} (--fail-under ${failure.dimension ? `${failure.dimension}=` : ''}${failure.required})`;
  return failure.actual === null
    ? `${what} was ${fmt(failure.required)} in ${baselineName ?? 'the baseline'} and is not assessed now`
    : `${what} ${actual} fell from ${fmt(failure.required)} in ${baselineName ?? 'the baseline'} by ${by}`;
}
