import { writeForm } from '../app/form.js';
import type { FormOptions } from '../app/form.js';
import { colors } from '../ui.js';

export function formCommand(opts: FormOptions): void {
  const s = writeForm(opts);
  const c = colors();
  process.stderr.write(
    `${c.green('wrote')} ${s.out}: ${s.questionnaire}, ${s.questions} questions, in ${s.languages.join(', ')} (${Math.round(s.bytes / 1024)} KiB, works offline)\n` +
      `Send it to each respondent; they open it in a browser and download their answers. Bring those in with: itaas merge ASSESSMENT.yaml THEIR-FILE.yaml\n`,
  );
}
