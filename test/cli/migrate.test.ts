import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtures, itaas, linesNaming, once, tempDir } from '../helpers.js';

// A consultant with last month's answers (itaas-core 1.0.0) and this month's itaas (2.0.0): the answers
// that still mean the same carry over, the rest is listed to ask again, nothing is made up.

type Answer = string | { option: string; note?: string };
interface File {
  questionnaire: { id: string; version: string; hash?: string };
  respondents: Array<{ name: string; completed?: boolean; answers: Record<string, Answer> }>;
}
const read = (file: string) => parse(readFileSync(file, 'utf8')) as File;
const option = (a: Answer | undefined) => (a === undefined ? undefined : typeof a === 'string' ? a : a.option);

const added = ['scale-down-cost', 'cmdb-trust', 'sla-agreement', 'provider-support-integration', 'provider-service-levels', 'recovery-objectives'];
const changed = [
  'scale-down-release',
  'cmdb-accuracy',
  'sla-definition',
  'disaster-recovery-plan',
  'multi-provider-integration',
  'chargeback-model',
  'supplier-consumption-contracts',
  'external-service-use',
];

function oldFile(name: string): string {
  const dir = tempDir('itaas-migrate-');
  const file = join(dir, `${name}.yaml`);
  copyFileSync(join(fixtures, 'migrate', `${name}-1.0.0.yaml`), file);
  return file;
}

/** What `itaas migrate` printed on stdout about one of several files: its heading line and everything up to the next file's. */
function partOf(stdout: string, file: string): string {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${file}: `));
  if (start < 0) return '';
  const end = lines.findIndex((line, i) => i > start && /^\S+\.yaml: /.test(line));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** `itaas validate` over several files found no error in this one: none of its lines on stdout, and its "ok" on stderr. */
function expectValid(run: ReturnType<typeof itaas>, file: string) {
  expect(linesNaming(run.stdout, file)).toBe('');
  expect(run.stderr).toContain(`ok  ${file} (answers)`);
}

// Every 1.0.0 file the tests below look at is migrated once, all in one run: first with --dry-run, then for
// real, then validated and reported together (and migrated once more). Each test reads its own file and the
// lines that name it.
const flowText =
  'kind: answers\nquestionnaire: {id: itaas-core, version: 1.0.0}\nassessment: {organisation: Acme, date: 2025-01-02}\n' +
  'respondents:\n  - {name: Dana, completed: true, answers: {external-service-use: some, sourcing-strategy: general-policy, cmdb-accuracy: partial-cmdb}}\n';
const migrated = once(() => {
  const files = { northwind: oldFile('northwind'), meridian: oldFile('meridian'), flow: join(tempDir('itaas-migrate-'), 'flow.yaml'), crlf: oldFile('meridian') };
  writeFileSync(files.flow, flowText);
  writeFileSync(files.crlf, readFileSync(files.crlf, 'utf8').replace(/\n/g, '\r\n'));
  const all = Object.values(files);
  const textBefore = (file: string) => readFileSync(file, 'utf8');
  const before = new Map(all.map((file) => [file, textBefore(file)]));
  const dry = itaas(['migrate', ...all, '--dry-run']);
  const afterDryRun = new Map(all.map((file) => [file, textBefore(file)]));
  const real = itaas(['migrate', ...all]);
  const validation = itaas(['validate', files.northwind, files.meridian, files.flow]);
  const reports = tempDir();
  const report = itaas(['report', files.northwind, files.meridian, '--out', reports, '--format', 'md']);
  const migratedNorthwind = readFileSync(files.northwind, 'utf8');
  const again = itaas(['migrate', files.northwind]);
  return { files, before, dry, afterDryRun, real, validation, reports, report, migratedNorthwind, again };
});

describe('answers given against itaas-core 1.0.0', () => {
  it('are refused by report and validate with the command that carries them over', () => {
    const file = oldFile('northwind');
    for (const cmd of [
      ['report', file, '--out', tempDir(), '--format', 'md'],
      ['validate', file],
    ]) {
      const r = itaas(cmd);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).toContain(`itaas migrate ${file}`);
    }
  });

  it.each(['northwind', 'meridian'] as const)('%s: migrate keeps what still means the same, lists the rest to ask again, and the file reports', (name) => {
    const { files, before: texts, real: r, validation, reports, report } = migrated();
    const file = files[name];
    const text = texts.get(file)!;
    const before = parse(text) as File;
    expect(r.code, r.stderr).toBe(0);
    const stdout = partOf(r.stdout, file);
    const after = read(file);
    expect(after.questionnaire.version).toBe('2.0.0');
    expect(after.questionnaire.hash).toMatch(/^sha256:/);
    expect(after.respondents.map((p) => p.name)).toEqual(before.respondents.map((p) => p.name));
    before.respondents.forEach((was, i) => {
      const now = after.respondents[i]!;
      for (const [id, answer] of Object.entries(was.answers)) {
        // Every question 1.0.0 and 2.0.0 ask alike keeps its answer and note exactly.
        if (!changed.includes(id)) expect(now.answers[id], `${was.name} ${id}`).toEqual(answer);
      }
      // Nothing is made up for the questions 2.0.0 added, or for those that now ask something else.
      for (const id of [...added, 'external-service-use', 'supplier-consumption-contracts']) expect(now.answers[id], `${was.name} ${id}`).toBeUndefined();
      // Each respondent is named with what is to be asked again.
      expect(stdout).toContain(was.name);
    });
    // Comments a person wrote are still there.
    for (const line of text.split('\n').filter((l) => l.trim().startsWith('# '))) expect(readFileSync(file, 'utf8')).toContain(line.trim());
    expect(stdout).toMatch(/to ask again/);
    for (const id of added) expect(stdout).toContain(id);
    expectValid(validation, file);
    expect(report.code, report.stderr).toBe(0);
    expect(existsSync(join(reports, `${name}.md`))).toBe(true);
  });

  it('keeps an answer whose option still says the same, takes out one whose meaning changed and records it in a comment', () => {
    const { files, real: r } = migrated();
    const file = files.northwind;
    expect(r.code, r.stderr).toBe(0);
    const after = read(file);
    const martin = after.respondents.find((p) => p.name === 'Martin Halvorsen')!;
    expect(option(martin.answers['scale-down-release'])).toBe('periodic-review');
    expect(option(martin.answers['disaster-recovery-plan'])).toBe('agreed-critical');
    // 1.0.0's "agreed service levels per key service" is not 2.0.0's "written down for every catalogue service".
    expect(martin.answers['sla-definition']).toBeUndefined();
    expect(martin.completed).toBe(false);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/# sla-definition:\n\s+# {3}option: per-service\n/);
    expect(text).toContain('We signed SLAs for the warehouse management and transport systems with Operations last year.');
    const stdout = partOf(r.stdout, file);
    expect(stdout).toContain('Martin Halvorsen');
    expect(stdout).toMatch(/sla-definition/);
    expect(r.stderr).toContain(`itaas assess --answers ${file}`);
    // Lines the migration does not change stay as they were written, folded notes included.
    expect(text).toContain('          Nothing we run can scale out: the warehouse system is licensed per host and everything else has a\n');
  });

  it('migrates answers written in flow style too', () => {
    const { files, real: r, validation } = migrated();
    expect(r.code, r.stderr).toBe(0);
    const dana = read(files.flow).respondents[0]!;
    expect(dana.answers).toEqual({ 'sourcing-strategy': 'general-policy', 'cmdb-accuracy': 'partial-cmdb' });
    expect(dana.completed).toBe(false);
    expect(readFileSync(files.flow, 'utf8')).toMatch(/#.*external-service-use: some/);
    expectValid(validation, files.flow);
  });

  it('--dry-run prints the same plan and writes nothing', () => {
    const { files, before, dry, afterDryRun, real } = migrated();
    expect(dry.code, dry.stderr).toBe(0);
    for (const file of Object.values(files)) expect(afterDryRun.get(file), file).toBe(before.get(file));
    expect(partOf(dry.stdout, files.northwind)).toContain('to ask again');
    expect(real.stdout).toBe(dry.stdout);
  });

  it('leaves a file alone that is already for the current version, and says so', () => {
    const { files, real, migratedNorthwind, again } = migrated();
    expect(real.code, real.stderr).toBe(0);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already');
    expect(readFileSync(files.northwind, 'utf8')).toBe(migratedNorthwind);
  });

  it('refuses a version it knows no way from, and leaves the file as it was', () => {
    const file = oldFile('northwind');
    writeFileSync(file, readFileSync(file, 'utf8').replace('version: 1.0.0', 'version: 0.9.0'));
    const text = readFileSync(file, 'utf8');
    const r = itaas(['migrate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('0.9.0');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('keeps Windows line endings', () => {
    const { files, real } = migrated();
    expect(real.code, real.stderr).toBe(0);
    const text = readFileSync(files.crlf, 'utf8');
    expect(text).toContain('version: 2.0.0\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
