// A signed-in session on a shared plant PC: it ends after the idle timeout the administrator
// set (no pointer, key, wheel or touch input for that long), and signing out in one window
// signs the same account out of every other window of this installation.

import { useEffect } from 'react';
import { signOut, useSessionPolicy } from '../data/index.ts';
import { useAppStore, type SessionUser } from '../store/index.ts';

const CHANNEL = 'xinhuo-session';
const INPUT = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Whether a session whose last input was at `lastInput` has been idle `minutes` by `now`. */
export const idleExpired = (lastInput: number, now: number, minutes: number): boolean => now - lastInput >= minutes * 60_000;

/** Tells the other windows that `userId` signed out here. */
export function announceSignOut(userId: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'signOut', userId });
  channel.close();
}

export function useSessionGuard(user: SessionUser): void {
  const policy = useSessionPolicy();
  const endSession = useAppStore((s) => s.endSession);
  const minutes = policy?.idleMinutes;

  // Signed out in another window: this one follows (that window recorded it).
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<{ type?: string; userId?: string }>) => {
      if (e.data?.type === 'signOut' && e.data.userId === user.id) endSession('elsewhere');
    };
    return () => channel.close();
  }, [user.id, endSession]);

  useEffect(() => {
    if (!minutes) return;
    let lastInput = Date.now();
    const touch = () => (lastInput = Date.now());
    for (const e of INPUT) window.addEventListener(e, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => {
      if (!idleExpired(lastInput, Date.now(), minutes)) return;
      window.clearInterval(timer);
      void signOut({ userId: user.id, userName: user.userName }, 'idle').finally(() => {
        announceSignOut(user.id);
        endSession('idle');
      });
    }, 15_000);
    return () => {
      window.clearInterval(timer);
      for (const e of INPUT) window.removeEventListener(e, touch, { capture: true });
    };
  }, [minutes, user.id, user.userName, endSession]);
}
