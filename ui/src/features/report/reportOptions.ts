// Report options the consultant set last time, kept on this machine so the
// firm name, author and logo need entering once.
import type { Lang, ReportOptions, ReportSection } from '../../lib/bindings';
import { DEFAULT_CONFIDENTIALITY, LANG_LABEL, SECTION_TITLE } from '../../lib/bindings';

/** The report's sections in their order, titled as in the report. */
export const REPORT_SECTIONS: { key: ReportSection; title: string }[] = (
  Object.entries(SECTION_TITLE) as [ReportSection, string][]
).map(([key, title]) => ({ key, title }));

const KEY = 'clausewise.report-options';

export function defaultReportOptions(): ReportOptions {
  return {
    format: 'pdf',
    lang: 'en',
    excluded: [],
    confidentiality: DEFAULT_CONFIDENTIALITY,
    firm: '',
    author: '',
    logo_path: null,
    template_path: null,
    accent: null,
    name_assessors: false,
  };
}

export function loadReportOptions(): ReportOptions {
  const defaults = defaultReportOptions();
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return defaults;
    const v = JSON.parse(raw) as Partial<ReportOptions>;
    const keys = new Set(REPORT_SECTIONS.map((s) => s.key));
    return {
      format: v.format === 'docx' ? 'docx' : 'pdf',
      // The language of the last report: a client's own, once remembered,
      // comes first (see the report dialog).
      lang: typeof v.lang === 'string' && v.lang in LANG_LABEL ? (v.lang as Lang) : 'en',
      excluded: Array.isArray(v.excluded) ? v.excluded.filter((k): k is ReportSection => keys.has(k)) : [],
      confidentiality: typeof v.confidentiality === 'string' ? v.confidentiality : defaults.confidentiality,
      firm: typeof v.firm === 'string' ? v.firm : '',
      author: typeof v.author === 'string' ? v.author : '',
      logo_path: typeof v.logo_path === 'string' && v.logo_path ? v.logo_path : null,
      template_path: typeof v.template_path === 'string' && v.template_path ? v.template_path : null,
      accent: typeof v.accent === 'string' && /^#[0-9a-fA-F]{6}$/.test(v.accent) ? v.accent : null,
      name_assessors: v.name_assessors === true,
    };
  } catch {
    return defaults;
  }
}

export function storeReportOptions(options: ReportOptions): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(options));
  } catch {
    // Storage full or disabled: the options are simply not remembered.
  }
}
