import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { scaffoldText } from '../app/init-scaffold.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { UserError } from '../errors.js';
import { schemaComment } from '../load/schema-ref.js';
import { Id } from '../schema/common.js';
import { colors, itaasCommand } from '../ui.js';

export interface InitOptions {
  out?: string;
  force?: boolean;
  standalone?: boolean;
}

export async function initCommand(kind: string, name: string, opts: InitOptions): Promise<void> {
  if (kind !== 'questionnaire' && kind !== 'model') throw new UserError(`cannot scaffold "${kind}"; choose "questionnaire" or "model" (itaas init questionnaire ${name})`);
  const id = Id.safeParse(name);
  if (!id.success) throw new UserError(`"${name}" cannot be an id: it ${id.error.issues[0]?.message ?? 'is not a slug'}`);
  if (opts.standalone && kind === 'model') throw new UserError('--standalone only applies to questionnaires');
  const out = opts.out ?? `${name}.yaml`;
  if (existsSync(out)) {
    if (statSync(out).isDirectory()) throw new UserError(`${out} is a folder; give a file name with --out (e.g. --out ${join(out, `${name}.yaml`)})`);
    if (!opts.force) throw new UserError(`${out} already exists; pass --force to overwrite it, or --out to write elsewhere`);
  }
  if (!existsSync(dirname(resolve(out)))) throw new UserError(`the folder of ${out} does not exist; create it first`);
  const schema = schemaComment(out, kind, itaasCommand());
  const text = scaffoldText(kind === 'model' ? 'model' : opts.standalone ? 'standalone' : 'questionnaire', name, schema);
  await writeFileAtomic(out, text);
  const paint = colors();
  process.stderr.write(`${paint.green('wrote')} ${out}\nnext: edit it, then run  ${itaasCommand()} validate --strict ${out}\n`);
}
