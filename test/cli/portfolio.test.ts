import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, tempDir } from '../helpers.js';
import { meridian, northwind, variant } from '../report-fixtures.js';

describe('portfolio roll-up', () => {
  it('report --portfolio writes one roll-up across several answers files', () => {
    const dir = tempDir();
    const south = variant(northwind, join(dir, 'south.yaml'), [
      ['organisation: Northwind Logistics', 'organisation: Northwind South'],
      ['automation: 4', 'automation: 2'],
    ]);
    const out = join(dir, 'reports');
    const r = itaas(['report', northwind, meridian, south, '--out', out, '--portfolio', '--format', 'md,json']);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'portfolio.md'), 'utf8');
    expect(md).toContain('3 assessments: Northwind Logistics, Meridian Health Group, Northwind South.');
    expect(md).toContain('| Northwind Logistics | 3.4 | 2.0 | 2.9 |');
    expect(md).toMatch(/\| Automation \| 2\.0 \| 2\.0 \| 3\.4 \| 2\/3 \|/);
    const json = JSON.parse(readFileSync(join(out, 'portfolio.json'), 'utf8'));
    expect(json.furthest.map((u: { key: string }) => u.key)).toEqual(['northwind-logistics', 'south', 'meridian-health']);
    expect(json.heatmap).toHaveLength(3);
  });

  it('speaks the report language: German with --lang de, the scale of the model in the heatmap', () => {
    const dir = tempDir();
    const out = join(dir, 'reports');
    const r = itaas(['report', northwind, meridian, '--out', out, '--portfolio', '--format', 'md', '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(out, 'portfolio.md'), 'utf8');
    expect(md).toContain('# Portfolio der Bewertungen');
    expect(md).toContain('2 Bewertungen: Northwind Logistics, Meridian Health Group.');
    expect(md).toContain('## Am weitesten vom Ziel entfernt');
    expect(md).toContain('| Einheit | Mittlere Lücke | Dimensionen unter dem Ziel | Größte Lücke |');
    expect(md).toContain('Werte nach Einheit und Dimension (0 bis 4; – nicht bewertet).');
    expect(md).toMatch(/\| Automatisierung \| 2,0 \| 2,7 \| 3,4 \| 2\/2 \|/);
    expect(md).not.toMatch(/Portfolio of|assessments|Furthest|Heatmap\n\nScores|Level \d|Not assessed/);
  });

  it('refuses an answers file whose reports would collide with the portfolio', () => {
    const dir = tempDir();
    const p = variant(northwind, join(dir, 'portfolio.yaml'));
    const r = itaas(['report', p, meridian, '--out', join(dir, 'out'), '--portfolio']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('would replace the report of');
  });
});
