// What a feature declares to the shell: its routes (with the capability each needs, the
// sidebar entry and the lazily loaded screen) and its messages. The shell, the router and
// the permission checks iterate over shell/registry.ts; adding a screen touches its own
// folder and one line there.

import type { ComponentType } from 'react';
import type { Capability } from '../../data/index.ts';

export interface FeatureMessages {
  'zh-CN': Record<string, unknown>;
  en: Record<string, unknown>;
}

export interface FeatureRoute {
  /** The name links use: hrefOf({ name }). */
  name: string;
  /** The hash path: #/people. */
  path: string;
  /** The route takes one parameter: #/people/<工号>. */
  param?: boolean;
  /** The capability a user needs to open it; null = everyone signed in. */
  needs: Capability | null;
  screen: ComponentType<{ id: string }>;
  /** The sidebar entry's message key; a route without one is reached through links. */
  nav?: string;
  /** The sidebar entry shown as current while this route is open. */
  highlights?: string;
  /** Only on a plant's or only on head office's installation. */
  installation?: 'plant' | 'hq';
}

export interface Feature {
  id: string;
  routes: readonly FeatureRoute[];
  messages: FeatureMessages;
  /** Work a feature does in the background while someone is signed in (rendered once by the shell). */
  background?: ComponentType;
}
