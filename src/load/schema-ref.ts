import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { packageRoot } from './index.js';

const real = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

/**
 * Where an editor finds the JSON Schema for a file written at `file`, as a path relative to that file:
 * inside the package (a checkout's examples) or in a project that has itaas in a node_modules folder
 * above the file. Otherwise (a global install, npx's cache) none: an absolute path into one machine's
 * install folder would be wrong on the machine the file is sent to and stale after an upgrade.
 */
export function schemaRef(file: string, kind: 'answers' | 'questionnaire' | 'model'): string | undefined {
  const dir = dirname(resolve(file));
  const name = join('schemas', `${kind}.schema.json`);
  const portable = (target: string) => {
    const rel = relative(dir, target);
    return isAbsolute(rel) ? undefined : rel.split(sep).join('/');
  };
  const root = real(packageRoot);
  const at = real(dir);
  if (at === root || at.startsWith(root + sep)) return portable(join(packageRoot, name));
  for (let d = dir; ; d = dirname(d)) {
    const installed = join(d, 'node_modules', 'itaas');
    if (existsSync(installed) && real(installed) === root) return portable(join(installed, name));
    if (dirname(d) === d) return undefined;
  }
}

/** The first line of a new file for editors: the schema reference, or how to get one. */
export function schemaComment(file: string, kind: 'answers' | 'questionnaire' | 'model', itaas: string): string {
  const ref = schemaRef(file, kind);
  return ref ? ` yaml-language-server: $schema=${ref}` : ` Editor completion: save the schema with \`${itaas} schema ${kind} > ${kind}.schema.json\` and name it in a $schema line here.`;
}
