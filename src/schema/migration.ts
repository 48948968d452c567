import { z } from 'zod';
import { Id, SemVer } from './common.js';

/**
 * How answers given against one version of a questionnaire are carried over to the next
 * (`itaas migrate`). Questions the rules do not name ask the same thing in both versions, and their
 * answers carry over as they are.
 */
export const Migration = z
  .strictObject({
    kind: z.literal('migration'),
    questionnaire: Id.describe('The questionnaire id.'),
    from: SemVer.describe('The version the answers were given against.'),
    to: SemVer.describe('The version they are carried over to.'),
    added: z.array(Id).default([]).describe('Questions the new version asks for the first time; every respondent is to be asked them.'),
    changed: z
      .record(
        Id,
        z.strictObject({
          why: z.string().min(1).describe('What changed, in a sentence, shown to whoever migrates.'),
          keep: z.array(z.string().min(1)).describe('The earlier answers (option ids, "na", "dontKnow") that say the same under the new wording; any other is taken out and asked again.'),
        }),
      )
      .default({})
      .describe('Questions whose wording or options changed, keyed by question id.'),
  })
  .describe('Rules that carry answers from one questionnaire version to the next.');

export type Migration = z.infer<typeof Migration>;
