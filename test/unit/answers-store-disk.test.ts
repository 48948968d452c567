import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AnswersStore } from '../../src/interview/store.js';
import { UserError } from '../../src/errors.js';
import { mountSmallDisk, smallDiskSkip } from '../small-disk.js';
import type { SmallDisk } from '../small-disk.js';
import { info, mini } from '../interview-fixtures.js';

describe('an answers file on a disk that fills up', () => {
  let disk: SmallDisk | undefined;
  afterEach(() => {
    disk?.remove();
    disk = undefined;
  });

  it.skipIf(smallDiskSkip)('keeps every saved answer when a save runs out of space', () => {
    disk = mountSmallDisk(64);
    const file = join(disk.dir, 'acme.yaml');
    const store = AnswersStore.create(file, mini, info);
    const r = store.addRespondent('Dana Ortiz', 'CIO');
    store.setAnswer(r, 'virt-share', 'some', 'n'.repeat(6000));
    const good = readFileSync(file, 'utf8');
    disk.fill(4096);
    let err: unknown;
    try {
      store.setAnswer(r, 'virt-share', 'most', 'a much longer note '.repeat(800));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/cannot write .*acme\.yaml: no space left/);
    expect(readFileSync(file, 'utf8')).toBe(good);
    expect(readdirSync(disk.dir).sort()).toEqual(['.filler', 'acme.yaml']);
  });
});
