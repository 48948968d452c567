import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../load/index.js';
import { jsonSchemaText, SCHEMA_KINDS } from '../schema/json-schema.js';

// Regenerates schemas/*.schema.json from the zod schemas; a test fails when the committed copies drift.
for (const kind of SCHEMA_KINDS) {
  const file = join(packageRoot, 'schemas', `${kind}.schema.json`);
  writeFileSync(file, jsonSchemaText(kind));
  console.log(`wrote ${file}`);
}
