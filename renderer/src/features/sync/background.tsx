// What the sync feature does while someone is signed in on the desktop: a daily backup into
// the folder an administrator chose (the newest N kept), and bundles the operating system
// opened Xinhuo with (.xhb file association) handed to the inspector.

import { useEffect } from 'react';
import { can, sync, useInstallation } from '../../data/index.ts';
import { getPlatform } from '../../platform/index.ts';
import { useAppStore } from '../../store/index.ts';
import { navigate } from '../../ui/index.ts';

const DAY = 86_400_000;
const CHECK_EVERY = 60 * 60_000;

export function SyncBackground() {
  const user = useAppStore((s) => s.user);
  const setOpenedBundle = useAppStore((s) => s.setOpenedBundle);
  const allowed = can(user, 'sync');
  const route = useInstallation()?.role === 'hq' ? 'plants' : 'sync';
  useEffect(() => {
    if (!user || !allowed || getPlatform().kind !== 'desktop') return;
    const actor = { userId: user.id, userName: user.userName };
    let stopped = false;
    const backUpIfDue = async () => {
      try {
        const status = await getPlatform().backupStatus();
        if (stopped || !status?.folder) return;
        if (status.lastWrittenAt && Date.now() - Date.parse(status.lastWrittenAt) < DAY) return;
        const backup = await sync.backup(actor);
        if (!stopped) await getPlatform().writeBackup(backup.fileName, backup.bytes, status.keep);
      } catch {
        // The next check tries again; 设置 › 备份 shows when the last one was written.
      }
    };
    const takeOpened = async () => {
      const [file] = await getPlatform().pendingBundles();
      if (stopped || !file) return;
      setOpenedBundle(file);
      navigate({ name: route });
    };
    void backUpIfDue();
    void takeOpened();
    const timer = setInterval(() => void backUpIfDue(), CHECK_EVERY);
    const onFocus = () => void takeOpened();
    window.addEventListener('focus', onFocus);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [user, allowed, setOpenedBundle, route]);
  return null;
}
