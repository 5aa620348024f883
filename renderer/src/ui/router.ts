// A small hash router: #/people, #/people/<工号>, #/audit, #/settings.

import { useSyncExternalStore } from 'react';

export type Route = { name: 'people' } | { name: 'employee'; id: string } | { name: 'screening' } | { name: 'pipeline' } | { name: 'import' } | { name: 'history' } | { name: 'audit' } | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'people' && parts[1]) return { name: 'employee', id: parts[1] };
  if (parts[0] === 'audit') return { name: 'audit' };
  if (parts[0] === 'import') return { name: 'import' };
  if (parts[0] === 'screening') return { name: 'screening' };
  if (parts[0] === 'pipeline') return { name: 'pipeline' };
  if (parts[0] === 'history') return { name: 'history' };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'people' };
}

export function hrefOf(route: Route): string {
  return route.name === 'employee' ? `#/people/${encodeURIComponent(route.id)}` : `#/${route.name}`;
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
