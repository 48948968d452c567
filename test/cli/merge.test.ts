import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { acquireLock } from '../../src/interview/lock.js';
import { itaas, once, root, tempDir } from '../helpers.js';

const example = readFileSync(join(root, 'examples', 'northwind-logistics.yaml'), 'utf8');
type Doc = { questionnaire: Record<string, string>; respondents: Array<{ name: string; role?: string; updated?: string; answers: Record<string, unknown> }> } & Record<string, unknown>;

/** The example with only some of its respondents, changed as `edit` says. */
function variant(dir: string, name: string, keep: number[], edit: (d: Doc) => void = () => {}): string {
  const d = parse(example) as Doc;
  d.respondents = keep.map((i) => d.respondents[i]!);
  edit(d);
  const path = join(dir, name);
  writeFileSync(path, stringify(d, { lineWidth: 0 }));
  return path;
}

const respondentsOf = (path: string) => (parse(readFileSync(path, 'utf8')) as Doc).respondents;

// One answer in conflict, refused with --json: read by the test of the wording for one conflict (the messages on
// stderr are the same with and without --json) and by the test of --json, which goes on to settle it.
const refusedOneConflict = once(() => {
  const dir = tempDir();
  const target = variant(dir, 'target.yaml', [0]);
  const input = variant(dir, 'other.yaml', [0, 1], (d) => {
    d.respondents[0]!.answers['server-virtualization-share'] = 'half';
  });
  return { target, input, refused: itaas(['merge', target, input, '--json']) };
});

describe('itaas merge', () => {
  it('adds a new respondent, keeping the comments of the target', () => {
    const dir = tempDir();
    const target = join(dir, 'target.yaml');
    writeFileSync(
      target,
      `# Kept: agreed with the client on day one\n${stringify({ ...(parse(example) as Doc), respondents: [(parse(example) as Doc).respondents[0]] }, { lineWidth: 0 })}`.replace(
        'respondents:',
        'respondents: # interviews so far',
      ),
    );
    const input = variant(dir, 'laptop-2.yaml', [1]);
    const r = itaas(['merge', target, input]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\+ "Priya Raman": new respondent, \d+ answers from .*laptop-2\.yaml/);
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('# Kept: agreed with the client on day one');
    expect(text).toContain('# interviews so far');
    const names = respondentsOf(target).map((x) => x.name);
    expect(names).toEqual([(parse(example) as Doc).respondents[0]!.name, (parse(example) as Doc).respondents[1]!.name]);
    expect(respondentsOf(target)[1]).toEqual((parse(example) as Doc).respondents[1]);
    expect(itaas(['validate', target]).code).toBe(0);
  });

  it('changes nothing when the respondent is already there, identical (merging twice is a no-op)', () => {
    const dir = tempDir();
    const target = variant(dir, 'target.yaml', [0, 1, 2]);
    const before = readFileSync(target, 'utf8');
    const mtime = statSync(target).mtimeMs;
    const r = itaas(['merge', target, variant(dir, 'again.yaml', [1])]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/= "Priya Raman": already in .*target\.yaml, identical/);
    expect(r.stderr).toContain('left unchanged');
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(statSync(target).mtimeMs).toBe(mtime);
  });

  it('refuses a conflict with exit 2, listing each differing question, and writes nothing', () => {
    const dir = tempDir();
    const target = variant(dir, 'target.yaml', [0]);
    const before = readFileSync(target, 'utf8');
    const input = variant(dir, 'other.yaml', [0], (d) => {
      d.respondents[0]!.answers['server-virtualization-share'] = 'half';
      d.respondents[0]!.answers['consolidation-ratio'] = { option: 'under-5', note: 'after the hub move' };
      d.respondents[0]!.role = 'CTO';
    });
    const r = itaas(['merge', target, input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/3 answers differ between .*target\.yaml and the inputs; nothing was written/);
    expect(r.stderr).toMatch(/"Martin Halvorsen" · server-virtualization-share: .*target\.yaml has "nearly-all \(note: Everything except[^"]*", .*other\.yaml has "half"/);
    expect(r.stderr).toMatch(/"Martin Halvorsen" · consolidation-ratio: .*has "from-15-to-30", .*has "under-5 \(note: after the hub move\)"/);
    expect(r.stderr).toMatch(/"Martin Halvorsen" · role: .*has "Chief Information Officer", .*has "CTO"/);
    expect(r.stderr).toContain('--prefer');
    expect(readFileSync(target, 'utf8')).toBe(before);
  });

  it('says "1 answer differs" when one answer is in conflict', () => {
    const { refused: r } = refusedOneConflict();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/1 answer differs between .*target\.yaml and the inputs; nothing was written/);
  });

  it('--json prints what was merged, and each conflict, as one JSON document for scripts', () => {
    const { target, input, refused } = refusedOneConflict();
    expect(refused.code).toBe(2);
    const conflict = JSON.parse(refused.stdout) as Record<string, unknown>;
    expect(conflict).toMatchObject({
      target,
      created: false,
      written: false,
      dryRun: false,
      exitCode: 2,
      conflicts: [
        {
          respondent: 'Martin Halvorsen',
          field: 'server-virtualization-share',
          existing: { source: target, value: { option: 'nearly-all', note: expect.stringContaining('Everything except') } },
          incoming: { source: input, value: { option: 'half' } },
          kept: null,
        },
      ],
    });
    expect(refused.stderr).toMatch(/1 answer differ/);

    const merged = itaas(['merge', target, input, '--json', '--prefer', 'input']);
    expect(merged.code, merged.stderr).toBe(0);
    const summary = JSON.parse(merged.stdout) as { written: boolean; exitCode: number; respondents: unknown[]; conflicts: Array<{ kept: string }> };
    expect(summary).toMatchObject({ written: true, exitCode: 0 });
    expect(summary.conflicts.map((c) => c.kept)).toEqual(['incoming']);
    expect(summary.respondents).toEqual([
      { name: 'Martin Halvorsen', status: 'updated', answers: 1, changed: 1, sources: [input] },
      { name: 'Priya Raman', status: 'new', answers: expect.any(Number), changed: 0, sources: [input] },
    ]);
    const again = JSON.parse(itaas(['merge', target, input, '--json', '--prefer', 'input']).stdout) as { written: boolean; respondents: unknown[] };
    expect(again.written).toBe(false);
    expect(again.respondents).toEqual([
      { name: 'Martin Halvorsen', status: 'unchanged', answers: 0, changed: 0, sources: [input] },
      { name: 'Priya Raman', status: 'unchanged', answers: 0, changed: 0, sources: [input] },
    ]);
  });

  it('settles a conflict with --prefer input, target or newer', () => {
    const dir = tempDir();
    const edit = (stamp: string) => (d: Doc) => {
      d.respondents[0]!.answers['consolidation-ratio'] = 'under-5';
      d.respondents[0]!.updated = stamp;
    };
    const input = variant(dir, 'other.yaml', [0], edit('2025-03-13T09:00:00Z'));
    const answerIn = (p: string) => respondentsOf(p)[0]!.answers['consolidation-ratio'];

    const t1 = variant(dir, 't1.yaml', [0]);
    const r1 = itaas(['merge', t1, input, '--prefer', 'input']);
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.stdout).toMatch(/consolidation-ratio: kept "under-5" from .*other\.yaml over "from-15-to-30"/);
    expect(answerIn(t1)).toBe('under-5');

    const t2 = variant(dir, 't2.yaml', [0]);
    const before = readFileSync(t2, 'utf8');
    expect(itaas(['merge', t2, input, '--prefer', 'target']).code).toBe(0);
    expect(readFileSync(t2, 'utf8')).toBe(before);

    // newer: the later "updated" stamp wins, whichever side it is on. Both sides in one merge: the target is newer
    // for Martin Halvorsen, the input for Priya Raman.
    const both = variant(dir, 'both.yaml', [0, 1], (d) => {
      for (const respondent of d.respondents) {
        respondent.answers['consolidation-ratio'] = 'under-5';
        respondent.updated = '2025-03-13T09:00:00Z';
      }
    });
    const t3 = variant(dir, 't3.yaml', [0, 1], (d) => {
      d.respondents[0]!.updated = '2025-03-14T08:00:00+01:00';
      d.respondents[1]!.updated = '2025-03-12T17:00:00Z';
      d.respondents[1]!.answers['consolidation-ratio'] = 'from-15-to-30';
    });
    const newer = itaas(['merge', t3, both, '--prefer', 'newer']);
    expect(newer.code, newer.stderr).toBe(0);
    const [martin, priya] = respondentsOf(t3);
    expect(martin!.answers['consolidation-ratio'], 'Martin Halvorsen, newer in the target').toBe('from-15-to-30');
    expect(martin!.updated).toBe('2025-03-14T08:00:00+01:00');
    expect(priya!.answers['consolidation-ratio'], 'Priya Raman, newer in the input').toBe('under-5');
    expect(priya!.updated).toBe('2025-03-13T09:00:00Z');
  });

  it('refuses answers to another version or another text of the questionnaire', () => {
    const dir = tempDir();
    const target = variant(dir, 'target.yaml', [0]);
    const before = readFileSync(target, 'utf8');
    const v2 = variant(dir, 'v2.yaml', [1], (d) => {
      d.questionnaire.version = '3.0.0';
    });
    const r = itaas(['merge', target, v2]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/v2\.yaml holds answers to questionnaire itaas-core 3\.0\.0, but .*target\.yaml is for itaas-core 2\.0\.0/);
    const otherText = variant(dir, 'changed.yaml', [1], (d) => {
      d.questionnaire.hash = `sha256:${'0'.repeat(64)}`;
    });
    const r2 = itaas(['merge', target, otherText]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/changed\.yaml was answered against a different text of itaas-core 2\.0\.0/);
    expect(readFileSync(target, 'utf8')).toBe(before);
  });

  it('refuses a target that another run holds locked', () => {
    const dir = tempDir();
    const target = variant(dir, 'target.yaml', [0]);
    const before = readFileSync(target, 'utf8');
    // This test process holds the lock, as an interview in another terminal would.
    const lock = acquireLock(target);
    try {
      const r = itaas(['merge', target, variant(dir, 'in.yaml', [1])]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is in use by another itaas/);
      expect(readFileSync(target, 'utf8')).toBe(before);
    } finally {
      lock.release();
    }
  });

  it('--dry-run prints the plan and writes nothing; a missing target is created from the inputs', () => {
    const dir = tempDir();
    const target = join(dir, 'new.yaml');
    const a = variant(dir, 'a.yaml', [0]);
    const b = variant(dir, 'b.yaml', [1, 2]);
    const dry = itaas(['merge', target, a, b, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run: nothing is written\. Merging into .*new\.yaml \(a new file\) would do this:/);
    expect(dry.stdout.match(/new respondent/g)).toHaveLength(3);
    expect(existsSync(target)).toBe(false);
    const r = itaas(['merge', target, a, b]);
    expect(r.code, r.stderr).toBe(0);
    expect(respondentsOf(target)).toEqual((parse(example) as Doc).respondents);
    const report = itaas(['report', target, '--out', join(dir, 'reports'), '--format', 'md']);
    expect(report.code, report.stderr).toBe(0);
  });
});
