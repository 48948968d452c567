/**
 * The JSON report's schema version, on its own so that writing a report does not build the report's
 * zod schema just to read it. Bump when a field is removed or changes meaning; adding fields keeps it.
 */
export const REPORT_SCHEMA_VERSION = 2;
