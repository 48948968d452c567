import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './builtin.js';

/* Where `itaas migrate` finds its rules, beside the built-in questionnaires: questionnaires/migrations/<id>-<from>.yaml. */

/** The file of rules that carry answers to questionnaire `id` version `version` on to the next version, if one ships. */
export function migrationRulesPath(id: string, version: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id) || !/^[0-9A-Za-z.+-]+$/.test(version)) return undefined;
  const path = join(packageRoot, 'questionnaires', 'migrations', `${id}-${version}.yaml`);
  return existsSync(path) ? path : undefined;
}
