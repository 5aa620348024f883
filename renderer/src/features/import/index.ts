export { ImportScreen } from './import-screen.tsx';
export { HistoryScreen } from './history-screen.tsx';
