import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './helpers.js';

export const northwind = join(root, 'examples', 'northwind-logistics.yaml');
export const meridian = join(root, 'examples', 'meridian-health.yaml');

/** Writes a variant of an example answers file, with text replacements applied in order. */
export function variant(from: string, to: string, replacements: Array<[string | RegExp, string]> = []): string {
  let text = readFileSync(from, 'utf8');
  for (const [a, b] of replacements) {
    const next = text.replace(a, b);
    if (next === text) throw new Error(`fixture replacement did not apply: ${String(a)}`);
    text = next;
  }
  writeFileSync(to, text);
  return to;
}

export function copy(from: string, to: string): string {
  copyFileSync(from, to);
  return to;
}

/** The dimensions of the built-in ITaaS model. */
const ITAAS_DIMENSIONS = [
  'virtualization',
  'automation',
  'management-tools',
  'service-brokering',
  'sourcing',
  'process-orientation',
  'service-orientation',
  'business-orientation',
  'financial-transparency',
  'quality-of-service',
  'rapid-provisioning',
  'pay-per-use',
  'elasticity',
  'resilience',
];

/** An answers file's `targets:` block setting every dimension of the ITaaS model to `level`. */
export function everyTarget(level: number): string {
  return `targets:\n${ITAAS_DIMENSIONS.map((d) => `  ${d}: ${level}`).join('\n')}`;
}
