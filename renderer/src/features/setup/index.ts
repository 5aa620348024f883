export { SetupScreen } from './setup-screen.tsx';
export { DemoFields, DemoProgressView, useDemoLoader, DEFAULT_DEMO_EMPLOYEES, type DemoSettings } from './demo-panel.tsx';
