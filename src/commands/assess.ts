import { UserError } from '../load/problems.js';

export function assessCommand(_opts: Record<string, unknown>): void {
  throw new UserError('the interview is not available in this build');
}
