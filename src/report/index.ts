import type { ReportContext } from './context.js';
import type { RenderOptions, ReportFormat } from './formats.js';

export interface Renderer {
  /** File extension of the output, without the dot. */
  ext: string;
  render: (ctx: ReportContext, opts: RenderOptions) => Promise<string | Buffer>;
  /** For a format that writes several files (CSV): each file's extension and content, used instead of `ext` and `render`. */
  files?: (ctx: ReportContext, opts: RenderOptions) => Promise<Array<{ ext: string; content: string | Buffer }>>;
}

/**
 * One entry per output format. Each renderer is imported only when its format is asked for, so heavy
 * dependencies stay off the paths that do not need them.
 */
export const renderers: Record<ReportFormat, Renderer> = {
  md: { ext: 'md', render: async (ctx, opts) => (await import('./markdown.js')).renderMarkdown(ctx, opts) },
  json: { ext: 'json', render: async (ctx) => (await import('./json.js')).renderJson(ctx) },
  html: { ext: 'html', render: async (ctx, opts) => (await import('./html.js')).renderHtml(ctx, opts) },
  pdf: { ext: 'pdf', render: async (ctx, opts) => (await import('./pdf/document.js')).renderPdf(ctx, opts) },
  csv: {
    ext: 'dimensions.csv',
    render: async (ctx) => (await import('./csv.js')).renderDimensionsCsv(ctx),
    files: async (ctx) => {
      const csv = await import('./csv.js');
      return [
        { ext: 'dimensions.csv', content: csv.renderDimensionsCsv(ctx) },
        { ext: 'answers.csv', content: csv.renderAnswersCsv(ctx) },
      ];
    },
  },
};
