import { palette } from '../ui.js';

/** Inquirer's theme, built on chalk so that NO_COLOR and --no-color switch every colour off. */
export function theme(color: boolean, hint?: string) {
  const colors = palette(color);
  return {
    prefix: { idle: colors.cyan('?'), done: colors.green('✔') },
    style: {
      answer: (t: string) => colors.cyan(t),
      message: (t: string) => colors.bold(t),
      error: (t: string) => colors.red(`> ${t}`),
      help: (t: string) => colors.dim(t),
      highlight: (t: string) => colors.cyan(t),
      key: (t: string) => colors.cyan(colors.bold(t)),
      description: (t: string) => colors.italic(t),
      disabled: (t: string) => colors.dim(t),
      defaultAnswer: (t: string) => colors.dim(`(${t})`),
      keysHelpTip: (keys: Array<[string, string]>) => hint ?? keys.map(([k, a]) => `${k} ${a}`).join(' · '),
    },
  };
}
