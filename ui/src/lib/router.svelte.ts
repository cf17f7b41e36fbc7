// Hash routes: "#/" is the assessment list, "#/assessments/<id>" the
// clause-by-clause workspace of one assessment.
export type Route = { page: 'list' } | { page: 'workspace'; id: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/assessments\/([0-9a-f-]{36})$/i.exec(hash);
  return match?.[1] ? { page: 'workspace', id: match[1] } : { page: 'list' };
}

export function workspaceHref(id: string): string {
  return `#/assessments/${id}`;
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
