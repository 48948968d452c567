import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itaas, root, tempDir } from '../helpers.js';

// One set of numbers: whatever the report shows for a score, the gates, the comparison and the JSON
// say the same, to the same decimal.
const northwind = join(root, 'examples', 'northwind-logistics.yaml');
const meridian = join(root, 'examples', 'meridian-health.yaml');

function reportOf(file: string): { md: string; json: { dimensions: Array<{ id: string; score: number | null; gap: number | null; coverage: Record<string, number> }> } } {
  const out = tempDir();
  const r = itaas(['report', file, '--out', out, '--format', 'md,json']);
  expect(r.code, r.stderr).toBe(0);
  const stem = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
  return { md: readFileSync(join(out, `${stem}.md`), 'utf8'), json: JSON.parse(readFileSync(join(out, `${stem}.json`), 'utf8')) };
}

/** The Score and Gap cells of one dimension's row in the Markdown report. */
function row(md: string, title: string): string[] {
  const line = md.split('\n').find((l) => l.startsWith(`| ${title} |`));
  expect(line, title).toBeDefined();
  return line!
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

describe('numbers agree across the report, the gates and compare', () => {
  it('a gate names the score and the shortfall as the report shows them', () => {
    const { md } = reportOf(northwind);
    const [, score, , target, gap] = row(md, 'Service brokering');
    const r = itaas(['report', '--format', 'md', northwind, '--out', tempDir(), '--fail-under', `service-brokering=${target}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`service-brokering ${score} is under ${target} by ${gap} (--fail-under service-brokering=${target})`);
  });

  it('the JSON scores are the ones the report prints', () => {
    const { md, json } = reportOf(northwind);
    for (const d of json.dimensions) {
      if (d.score === null) continue;
      expect(Number(d.score.toFixed(1)), d.id).toBe(d.score);
      expect(Number(d.gap!.toFixed(1)), d.id).toBe(d.gap);
    }
    expect(row(md, 'Quality of service')[1]).toBe(json.dimensions.find((d) => d.id === 'quality-of-service')!.score!.toFixed(1));
  });

  it('compare gives the change between the scores the two reports print', () => {
    const before = row(reportOf(northwind).md, 'Quality of service')[1]!;
    const after = row(reportOf(meridian).md, 'Quality of service')[1]!;
    const r = itaas(['compare', northwind, meridian]);
    expect(r.code, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('| Quality of service |'))!;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    expect(cells.slice(1, 4)).toEqual([before, after, `+${(Number(after) - Number(before)).toFixed(1)}`]);
  });

  it('coverage counts questions answered by at least one respondent, and shows the share of answers apart', () => {
    const { md, json } = reportOf(northwind);
    // One of the three respondents did not know one virtualization question; the others answered it.
    const v = json.dimensions.find((d) => d.id === 'virtualization')!;
    expect(v.coverage).toMatchObject({ asked: 4, answered: 4, ratio: 1, answerRatio: 0.92 });
    const cells = row(md, 'Virtualization');
    expect(cells).toContain('100% (4/4 questions)');
    expect(cells).toContain('92%');
    expect(md).not.toMatch(/\| 9\d% \(4\/4 questions\)/);
  });
});
