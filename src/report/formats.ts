/*
 * Every list of output formats, in one place: the registry (index.ts), the option checks and the
 * help text read them from here, and the renderers their options. No imports, so the command line's
 * help can use it at no cost and no renderer needs the registry.
 */

/** Options that only some renderers use. */
export interface RenderOptions {
  paper?: 'a4' | 'letter';
  /** A folder of templates that replace the built-in ones. */
  templatesDir?: string;
}

/** The formats `itaas report` writes, in the order help and messages list them. */
export const REPORT_FORMATS = ['md', 'json', 'html', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What `itaas report` writes without --format. */
export const DEFAULT_FORMATS: readonly ReportFormat[] = ['md', 'json', 'html', 'pdf'];

/** The formats of a comparison (`itaas compare`) and of the portfolio roll-up. */
export const COMPARE_FORMATS = ['md', 'json'] as const;

export type CompareFormat = (typeof COMPARE_FORMATS)[number];

/** The portfolio roll-up is always written as Markdown, and as JSON too when the reports are. */
export const portfolioFormats = (reportFormats: readonly string[]): CompareFormat[] => (reportFormats.includes('json') ? ['md', 'json'] : ['md']);

export const isReportFormat = (format: string): format is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(format);
export const isCompareFormat = (format: string): format is CompareFormat => (COMPARE_FORMATS as readonly string[]).includes(format);
