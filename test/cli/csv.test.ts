import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, tempDir } from '../helpers.js';
import { northwind, variant } from '../report-fixtures.js';

describe('report --format csv', () => {
  it('writes dimension scores and every answer per respondent, safe to open in a spreadsheet', () => {
    const dir = tempDir();
    const file = variant(northwind, join(dir, 'acme.yaml'), [
      ['name: Martin Halvorsen', "name: '@Martin Halvorsen'"],
      [/note: Everything except the sorter controllers[^\n]*/, `note: '=HYPERLINK("http://evil.example","click"), then more'`],
    ]);
    const out = join(dir, 'out');
    const r = itaas(['report', file, '--out', out, '--format', 'csv']);
    expect(r.code).toBe(0);
    const dims = readFileSync(join(out, 'acme.dimensions.csv'), 'utf8');
    const lines = dims.split('\r\n');
    // The overall score (1.9 for Northwind, the weighted mean) repeats on every row, as organisation and date do.
    expect(lines[0]).toBe('\ufefforganisation,date,dimension,title,axis,weight,score,level,target,gap,coverage,spread,answers,overall');
    expect(lines[2]).toBe('Northwind Logistics,2025-03-12,automation,Automation,journey,1.5,2,2,4,2,1,2,1,1.9');
    expect(lines).toHaveLength(14 + 2);
    const answers = readFileSync(join(out, 'acme.answers.csv'), 'utf8');
    expect(answers).toContain(`'@Martin Halvorsen,Chief Information Officer,server-virtualization-share,virtualization,`);
    expect(answers).toContain(`,4,"'=HYPERLINK(""http://evil.example"",""click""), then more"\r\n`);
    expect(answers).not.toMatch(/(^|,)[=+@]/m);
    // One row per answer given, plus the header.
    const given = (readFileSync(file, 'utf8').match(/^ {6}[a-z][a-z0-9-]*:/gm) ?? []).length;
    expect(answers.trimEnd().split('\r\n')).toHaveLength(given + 1);
  });
});
