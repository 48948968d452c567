import { UserError } from '../load/problems.js';

export function compareCommand(_baseline: string, _current: string, _opts: Record<string, unknown>): void {
  throw new UserError('compare is not available in this build');
}
