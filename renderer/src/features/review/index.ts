// 评审: reviewer mode (no account needed) and the officer's results of a round.

import { lazy } from 'react';
import type { Feature } from '../contract/feature.ts';
import { en, zhCN } from './messages.ts';

export const ReviewerScreen = lazy(() => import('./reviewer-screen.tsx').then((m) => ({ default: m.ReviewerScreen })));
const ResultsScreen = lazy(() => import('./results-screen.tsx').then((m) => ({ default: m.ResultsScreen })));
const NoticeScreen = lazy(() => import('./notice-screen.tsx').then((m) => ({ default: m.NoticeScreen })));
const PaperSheetsScreen = lazy(() => import('./print-screens.tsx').then((m) => ({ default: m.PaperSheetsScreen })));
const TrialScheduleScreen = lazy(() => import('./print-screens.tsx').then((m) => ({ default: m.TrialScheduleScreen })));

export const reviewFeature: Feature = {
  id: 'review',
  routes: [
    // Reviewer mode is opened without signing in (the shell shows it before sign-in): a reviewer has no account here.
    { name: 'review', path: 'review', needs: null, screen: ReviewerScreen },
    // A reviewer's account lands on their packets: the same screen, in the sidebar.
    { name: 'myPackets', path: 'packets', needs: 'packets', nav: 'nav.myPackets', screen: ReviewerScreen },
    { name: 'reviewResults', path: 'review-results', needs: 'results', nav: 'nav.reviewResults', installation: 'plant', screen: ResultsScreen },
    { name: 'notice', path: 'notice', param: true, needs: 'pipeline.move', installation: 'plant', highlights: 'reviewResults', screen: NoticeScreen },
    { name: 'paperSheets', path: 'paper-sheets', param: true, needs: 'pipeline.move', installation: 'plant', highlights: 'reviewResults', screen: PaperSheetsScreen },
    { name: 'trialSchedule', path: 'trial-schedule', needs: 'pipeline', installation: 'plant', highlights: 'pipeline', screen: TrialScheduleScreen },
  ],
  messages: { 'zh-CN': zhCN, en },
};
