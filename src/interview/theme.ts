import { palette } from '../ui.js';

/** Inquirer's theme, built on chalk so that NO_COLOR and --no-color switch every colour off. */
export function theme(color: boolean, hint?: string) {
  const c = palette(color);
  return {
    prefix: { idle: c.cyan('?'), done: c.green('✔') },
    style: {
      answer: (t: string) => c.cyan(t),
      message: (t: string) => c.bold(t),
      error: (t: string) => c.red(`> ${t}`),
      help: (t: string) => c.dim(t),
      highlight: (t: string) => c.cyan(t),
      key: (t: string) => c.cyan(c.bold(t)),
      description: (t: string) => c.italic(t),
      disabled: (t: string) => c.dim(t),
      defaultAnswer: (t: string) => c.dim(`(${t})`),
      keysHelpTip: (keys: Array<[string, string]>) => hint ?? keys.map(([k, a]) => `${k} ${a}`).join(' · '),
    },
  };
}
