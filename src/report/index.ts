import type { ReportContext } from './context.js';

export interface Renderer {
  /** File extension of the output, without the dot. */
  ext: string;
  render: (ctx: ReportContext) => Promise<string | Buffer>;
}

/**
 * One entry per output format. Each renderer is imported only when its format is asked for, so heavy
 * dependencies stay off the paths that do not need them.
 */
export const renderers: Record<string, Renderer> = {
  md: { ext: 'md', render: async (ctx) => (await import('./markdown.js')).renderMarkdown(ctx) },
  json: { ext: 'json', render: async (ctx) => (await import('./json.js')).renderJson(ctx) },
};

export const DEFAULT_FORMATS = ['md', 'json'];
