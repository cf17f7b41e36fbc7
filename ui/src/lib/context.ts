import { getContext } from 'svelte';
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
