import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinDir, compiledDir, loadModel, loadQuestionnaire, sha256 } from '../load/index.js';
import { formatProblem, UserError } from '../errors.js';

// Part of the build: checks every built-in model and questionnaire with the full loader and keeps
// the result, so that runs do not parse and check the same large files again (see precompiled()).
process.env.ITAAS_NO_PRECOMPILED = '1';
let failed = false;
for (const kind of ['models', 'questionnaires'] as const) {
  rmSync(compiledDir(kind), { recursive: true, force: true });
  mkdirSync(compiledDir(kind), { recursive: true });
  for (const name of readdirSync(builtinDir(kind))
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const path = join(builtinDir(kind), name);
    try {
      const data = kind === 'models' ? loadModel(path).data : loadQuestionnaire(path).questionnaire.data;
      writeFileSync(join(compiledDir(kind), name.replace(/\.yaml$/, '.json')), JSON.stringify({ sha256: sha256(readFileSync(path)), data }));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      failed = true;
      console.error(e.problems.length ? e.problems.map(formatProblem).join('\n') : `${path}: ${e.message}`);
    }
  }
}
if (failed) process.exitCode = 1;
