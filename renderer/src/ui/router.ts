// A small hash router: #/people, #/people/<工号>, #/audit. The routes come from the feature
// registry (setRoutes); the first route is where an unknown hash lands.

import { useSyncExternalStore } from 'react';

export interface Route {
  name: string;
  id?: string;
}

export interface RouteDef {
  name: string;
  path: string;
  param?: boolean;
}

let table: readonly RouteDef[] = [];

export function setRoutes(routes: readonly RouteDef[]): void {
  table = routes;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const def = table.find((d) => d.path === parts[0] && Boolean(d.param) === parts.length > 1);
  if (!def) return { name: table[0]?.name ?? '' };
  return def.param ? { name: def.name, id: parts[1] } : { name: def.name };
}

export function hrefOf(route: Route): string {
  const path = table.find((d) => d.name === route.name)?.path ?? route.name;
  return route.id !== undefined ? `#/${path}/${encodeURIComponent(route.id)}` : `#/${path}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
