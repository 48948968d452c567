import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itaas, linesNaming, once, root, tempDir } from '../helpers.js';

type Doc = { respondents: Array<{ name: string; answers: Record<string, unknown> }> };
const respondentsOf = (path: string) => (parse(readFileSync(path, 'utf8')) as Doc).respondents;

const layouts = [
  ['northwind-logistics', 'columns'],
  ['meridian-health', 'sheets'],
] as const;

// Both examples are exported, imported into an empty target and imported once more; the two imported files
// go through one `itaas validate`. Each test reads its own example's part.
const roundTrips = once(() => {
  const dir = tempDir();
  const trip = layouts.map(([name, layout]) => {
    const example = join(root, 'examples', `${name}.yaml`);
    const book = join(dir, `${name}.xlsx`);
    const exported = itaas(['sheet', 'export', '--answers', example, '--layout', layout, '--out', book]);
    const target = join(dir, `${name}-imported.yaml`);
    const imported = exported.code === 0 ? itaas(['sheet', 'import', book, '--answers', target]) : exported;
    const written = imported.code === 0 ? readFileSync(target, 'utf8') : '';
    return { name, example, book, target, exported, imported, written };
  });
  const validation = itaas(['validate', ...trip.map((t) => t.target)]);
  return trip.map((t) => ({ ...t, validation, again: t.imported.code === 0 ? itaas(['sheet', 'import', t.book, '--answers', t.target]) : t.imported }));
});

// One blank workbook for two respondents, read by the tests of what a workbook holds and of what an import refuses.
const blankExport = once(() => {
  const book = join(tempDir(), 'blank.xlsx');
  return { book, r: itaas(['sheet', 'export', '--organisation', 'Acme Ltd', '--date', '2026-02-01', '-r', 'Dana Ortiz', '-r', 'Ole Berg', '--out', book]) };
});
function blank(): string {
  const { book, r } = blankExport();
  expect(r.code, r.stderr).toBe(0);
  return book;
}

describe('itaas sheet export and import', () => {
  it.each(layouts)('%s: export (%s) then import into an empty target gives the same respondents, answers and notes', (name) => {
    const { example, target, exported, imported: r, written, validation, again } = roundTrips().find((t) => t.name === name)!;
    expect(exported.code, exported.stderr).toBe(0);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('created');
    expect(respondentsOf(target)).toEqual(respondentsOf(example));
    expect(linesNaming(validation.stdout, target)).toBe('');
    expect(validation.stderr).toContain(`ok  ${target} (answers)`);
    // Importing the same workbook again changes nothing.
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/identical/);
    expect(readFileSync(target, 'utf8')).toBe(written);
  });

  it("writes drop-downs with every option, N/A and don't know, a frozen header and protected sheets", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank());
    const ws = wb.getWorksheet('Answers')!;
    expect(ws.getCell('E1').value).toBe('Dana Ortiz');
    expect(ws.getCell('G1').value).toBe('Ole Berg');
    expect(ws.getCell('A4').value).toBe('server-virtualization-share');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const v = ws.getCell('E4').dataValidation;
    expect(v.type).toBe('list');
    const [, row] = /\$(\d+)$/.exec(v.formulae![0] as string)!;
    const lists = wb.getWorksheet('Lists')!;
    expect(lists.state).toBe('veryHidden');
    const choices = (lists.getRow(Number(row)).values as unknown[]).slice(2);
    expect(choices).toEqual(['None or almost none', 'Less than a quarter', 'A quarter to 60%', '60% to 90%', 'More than 90%', 'Not applicable', "Don't know"]);
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    expect(ws.getCell('E4').protection?.locked).toBe(false);
    expect(ws.getCell('C4').protection?.locked).not.toBe(false);
  });

  it('names the sheet and cell of an answer that is not an option, and imports formulas and control characters as plain text', async () => {
    const dir = tempDir();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank());
    const ws = wb.getWorksheet('Answers')!;
    ws.getCell('E4').value = 'more than 90%';
    ws.getCell('F4').value = { formula: 'HYPERLINK("http://example.invalid/x","click")', result: 'click' };
    ws.getCell('E5').value = 'Nicht zutreffend';
    ws.getCell('F5').value = 'bell\u0007 and \u001b[31mred\u001b[0m';
    ws.getCell('E6').value = { formula: '1+1', result: 2 };
    ws.getCell('E17').value = 'Sometimes';
    const hostile = join(dir, 'hostile.xlsx');
    await wb.xlsx.writeFile(hostile);
    const target = join(dir, 'acme.yaml');
    const bad = itaas(['sheet', 'import', hostile, '--answers', target]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Answers!E17: "Sometimes" is not an answer to "[a-z-]+"; choose one of: .*Not applicable \| Don't know/);
    expect(bad.stderr).toMatch(/Answers!E6: "=1\+1" is not an answer/);
    expect(bad.stderr).toContain('nothing was imported');

    ws.getCell('E17').value = null;
    ws.getCell('E6').value = null;
    await wb.xlsx.writeFile(hostile);
    const ok = itaas(['sheet', 'import', hostile, '--answers', target]);
    expect(ok.code, ok.stderr).toBe(0);
    const [dana] = respondentsOf(target);
    expect(dana!.name).toBe('Dana Ortiz');
    expect(dana!.answers).toEqual({
      'server-virtualization-share': { option: 'nearly-all', note: '=HYPERLINK("http://example.invalid/x","click")' },
      'virtualization-beyond-servers': { option: 'na', note: 'bell and [31mred[0m' },
    });
  });
});
