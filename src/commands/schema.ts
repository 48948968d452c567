import { jsonSchemaText } from '../schema/json-schema.js';
import type { SchemaKind } from '../schema/json-schema.js';

export function schemaCommand(kind: string): void {
  process.stdout.write(jsonSchemaText(kind as SchemaKind));
}
