import { UserError } from '../load/problems.js';

export function listCommand(): void {
  throw new UserError('questionnaire list is not available in this build');
}
export function showCommand(_id: string, _opts: Record<string, unknown>): void {
  throw new UserError('questionnaire show is not available in this build');
}
