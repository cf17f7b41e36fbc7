// Report options the consultant set last time, kept on this machine so the
// firm name, author and logo need entering once.
import type { ReportOptions, ReportSection } from './bindings';

export const REPORT_SECTIONS: { key: ReportSection; title: string }[] = [
  { key: 'contents', title: 'Contents' },
  { key: 'summary', title: 'Executive summary' },
  { key: 'progress', title: 'Progress since baseline' },
  { key: 'method', title: 'Scope and method' },
  { key: 'charts', title: 'Maturity at a glance (charts)' },
  { key: 'clauses', title: 'Clause-by-clause results' },
  { key: 'findings', title: 'Findings in detail' },
  { key: 'roadmap', title: 'Improvement roadmap' },
  { key: 'kpis', title: 'Service KPIs' },
  { key: 'documents', title: 'Documented information checklist' },
  { key: 'not_applicable', title: 'Requirements marked not applicable' },
  { key: 'itil', title: 'Appendix: ITIL 4 practices' },
];

const KEY = 'clausewise.report-options';

export function defaultReportOptions(): ReportOptions {
  return { excluded: [], confidentiality: 'Confidential', firm: '', author: '', logo_path: null };
}

export function loadReportOptions(): ReportOptions {
  const defaults = defaultReportOptions();
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return defaults;
    const v = JSON.parse(raw) as Partial<ReportOptions>;
    const keys = new Set(REPORT_SECTIONS.map((s) => s.key));
    return {
      excluded: Array.isArray(v.excluded) ? v.excluded.filter((k): k is ReportSection => keys.has(k)) : [],
      confidentiality: typeof v.confidentiality === 'string' ? v.confidentiality : defaults.confidentiality,
      firm: typeof v.firm === 'string' ? v.firm : '',
      author: typeof v.author === 'string' ? v.author : '',
      logo_path: typeof v.logo_path === 'string' && v.logo_path ? v.logo_path : null,
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
