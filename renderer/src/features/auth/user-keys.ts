// On desktop the database key's wraps are also sealed to the operating-system user (Electron
// safeStorage through the preload): a copied profile cannot be opened under another account or
// on another computer, even with a password. The shell loads this feature at start, before
// setup or sign-in wraps or unwraps a key; in a browser there is no such store.

import { bindKeysToUser } from '../../data/index.ts';
import { getPlatform } from '../../platform/index.ts';

export function bindKeysToThisUser(): void {
  const platform = getPlatform();
  bindKeysToUser(platform.kind === 'desktop' ? { seal: (bytes) => platform.sealForUser(bytes), open: (sealed) => platform.openForUser(sealed) } : null);
}

if (typeof window !== 'undefined') bindKeysToThisUser();
