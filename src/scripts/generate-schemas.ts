import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../load/index.js';
import { Answers } from '../schema/answers.js';
import { GENERATED_SCHEMAS, jsonSchemaText } from '../schema/json-schema.js';
import { standaloneSource, STANDALONE_KINDS } from '../schema/standalone.js';

// Regenerates schemas/*.schema.json from the zod schemas, and the standalone validators compiled from
// them (src/schema/validators/); a test fails when the committed copies drift.
for (const kind of GENERATED_SCHEMAS) {
  const file = join(packageRoot, 'schemas', `${kind}.schema.json`);
  writeFileSync(file, jsonSchemaText(kind));
  console.log(`wrote ${file}`);
}
const zodFor = { answers: Answers };
for (const kind of STANDALONE_KINDS) {
  const file = join(packageRoot, 'src', 'schema', 'validators', `${kind}.ts`);
  writeFileSync(file, standaloneSource(kind, zodFor[kind]));
  console.log(`wrote ${file}`);
}
