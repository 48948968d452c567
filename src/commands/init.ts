import { UserError } from '../load/problems.js';

export function initCommand(_kind: string, _name: string, _opts: Record<string, unknown>): void {
  throw new UserError('init is not available in this build');
}
