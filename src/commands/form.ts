import { writeForm } from '../app/form.js';
import type { FormOptions } from '../app/form.js';
import { colors } from '../ui.js';

export function formCommand(opts: FormOptions): void {
  const summary = writeForm(opts);
  const paint = colors();
  process.stderr.write(
    `${paint.green('wrote')} ${summary.out}: ${summary.questionnaire}, ${summary.questions} questions, in ${summary.languages.join(', ')} (${Math.round(summary.bytes / 1024)} KiB, works offline)\n` +
      `Send it to each respondent; they open it in a browser and download their answers. Bring those in with: itaas merge ASSESSMENT.yaml THEIR-FILE.yaml\n`,
  );
}
