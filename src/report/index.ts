import type { Comparison } from '../core/compare.js';
import type { Portfolio } from '../core/portfolio.js';
import type { CompareWording } from './compare-md.js';
import type { ReportContext } from './context.js';
import type { CompareFormat, RenderOptions, ReportFormat } from './formats.js';
import type { PortfolioWording } from './portfolio-md.js';

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

/** The formats of `itaas compare`: the comparison of two assessments. */
export const compareRenderers: Record<CompareFormat, (comparison: Comparison, wording: CompareWording) => Promise<string>> = {
  md: async (comparison, wording) => (await import('./compare-md.js')).renderComparisonMarkdown(comparison, wording),
  json: async (comparison, wording) => (await import('./compare-md.js')).renderComparisonJson(comparison, wording),
};

/** The formats of the portfolio roll-up (`itaas report --portfolio`). */
export const portfolioRenderers: Record<CompareFormat, (rollUp: Portfolio, wording: PortfolioWording) => Promise<string>> = {
  md: async (rollUp, wording) => (await import('./portfolio-md.js')).renderPortfolioMarkdown(rollUp, wording),
  json: async (rollUp) => (await import('./portfolio-md.js')).renderPortfolioJson(rollUp),
};
