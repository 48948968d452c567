import { describe, expect, it } from 'vitest';
import { terminalGone } from '../../src/io/terminal-gone.js';

describe('a terminal closed under a prompt', () => {
  it('is recognised from the errors Node raises for it, and nothing else is', () => {
    const eio = Object.assign(new Error('setRawMode EIO'), { code: 'EIO', syscall: 'setRawMode' });
    expect(terminalGone(eio)).toBe(true);
    expect(terminalGone(Object.assign(new Error('read EIO'), { code: 'EIO' }))).toBe(true);
    expect(terminalGone(new Error('setRawMode EIO'))).toBe(true);
    expect(terminalGone(new TypeError('x is undefined'))).toBe(false);
    expect(terminalGone(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBe(false);
    expect(terminalGone(undefined)).toBe(false);
  });
});
