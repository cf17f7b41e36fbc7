// Hash routes: "#/" is the assessment list, "#/assessments/<id>" the
// clause-by-clause workspace of one assessment.
export const TABS = [
  'clauses',
  'scope',
  'people',
  'evidence',
  'practices',
  'findings',
  'roadmap',
  'kpis',
  'dashboard',
  'narrative',
  'progress',
  'history',
] as const;
export type Tab = (typeof TABS)[number];

export type Route = { page: 'list' } | { page: 'backups' } | { page: 'workspace'; id: string; tab: Tab };

export function parseRoute(hash: string): Route {
  if (hash === '#/backups') return { page: 'backups' };
  const match = /^#\/assessments\/([0-9a-f-]{36})(?:\/([a-z]+))?$/i.exec(hash);
  if (!match?.[1]) return { page: 'list' };
  const tab = (TABS as readonly string[]).includes(match[2] ?? '') ? (match[2] as Tab) : 'clauses';
  return { page: 'workspace', id: match[1], tab };
}

export function workspaceHref(id: string, tab: Tab = 'clauses'): string {
  return tab === 'clauses' ? `#/assessments/${id}` : `#/assessments/${id}/${tab}`;
}

class Router {
  route = $state<Route>(parseRoute(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => (this.route = parseRoute(location.hash)));
    }
  }

  go(hash: string): void {
    if (location.hash === hash) return;
    location.hash = hash;
  }
}

export const router = new Router();
