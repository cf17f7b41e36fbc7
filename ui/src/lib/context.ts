import { getContext, setContext } from 'svelte';
import type { Backend } from './backend';

const KEY = Symbol('backend');

/** The context map to mount the app with (main.ts, tests). */
export function backendContext(backend: Backend): Map<symbol, Backend> {
  return new Map([[KEY, backend]]);
}

export function useBackend(): Backend {
  const backend = getContext<Backend | undefined>(KEY);
  if (!backend) throw new Error('No backend provided');
  return backend;
}

/** Makes `backend` the one the calling component's children use. */
export function provideBackend(backend: Backend): void {
  setContext(KEY, backend);
}

/** Calls that only read, or only talk to the desktop (dialogs, zoom). */
const READS = /^(get|list|appInfo|recoveryInfo|kpiSuggestions|adoptKpi|reportLang|choose|open|setZoom|onFileDrop)/;

/**
 * The backend, calling `changed` after every call that may have changed
 * something (settled either way: a refused one changed nothing, but asking
 * again costs little).
 */
export function noticingChanges(backend: Backend, changed: () => void): Backend {
  return new Proxy(backend, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== 'string' || typeof value !== 'function' || READS.test(prop)) return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise) result.then(changed, changed);
        return result;
      };
    },
  });
}
