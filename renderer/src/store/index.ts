// UI and session state (zustand): the signed-in user, the language, the current route.
// Stored data lives in Dexie and is read live; nothing here is a copy of it.

import { create } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
import type { Language } from '../i18n/index.ts';

export interface SessionUser {
  id: string;
  userName: string;
  displayName: string;
  role: string;
  department: string | null;
}

interface SessionSlice {
  user: SessionUser | null;
  setUser: (user: SessionUser | null) => void;
  /** Why the last session ended when the user did not end it here: for the sign-in screen to say. */
  endedBecause: 'idle' | 'elsewhere' | null;
  endSession: (because: 'idle' | 'elsewhere' | null) => void;
}

interface DemoSlice {
  /** A demo load chosen at setup, started by the people screen once it is shown. */
  pendingDemo: { employees: number; seed: string } | null;
  setPendingDemo: (demo: { employees: number; seed: string } | null) => void;
}

interface PrefsSlice {
  language: Language;
  setLanguagePref: (language: Language) => void;
}

interface ViewsSlice {
  /**
   * What each screen was showing (the people list's search, filters and sort; the screening
   * profile and as-of date), so that opening an employee or another screen and coming back
   * loses nothing. Each feature owns the shape of its entry.
   */
  views: Record<string, unknown>;
  setView: (key: string, value: unknown) => void;
}

interface OpenedSlice {
  /** A bundle the operating system opened the app with, waiting for the inspector (never persisted). */
  openedBundle: { name: string; bytes: Uint8Array } | null;
  setOpenedBundle: (file: { name: string; bytes: Uint8Array } | null) => void;
}

export type AppState = SessionSlice & PrefsSlice & DemoSlice & ViewsSlice & OpenedSlice;

export const useAppStore = create<AppState>()(
  persist(
    (set) => ({
      user: null,
      setUser: (user) => set({ user, ...(user ? { endedBecause: null } : {}) }),
      endedBecause: null,
      endSession: (endedBecause) => set({ user: null, endedBecause }),
      pendingDemo: null,
      setPendingDemo: (pendingDemo) => set({ pendingDemo }),
      language: 'zh-CN',
      setLanguagePref: (language) => set({ language }),
      views: {},
      setView: (key, value) => set((s) => ({ views: { ...s.views, [key]: value } })),
      openedBundle: null,
      setOpenedBundle: (openedBundle) => set({ openedBundle }),
    }),
    {
      name: 'xinhuo-prefs',
      storage: createJSONStorage(() => localStorage),
      // Only preferences are remembered across launches (and which screening profile and
      // as-of date were last used); the session and the people list's search end with the window.
      partialize: (s) => ({ language: s.language, views: { screening: s.views.screening } }),
    },
  ),
);
