export { ScreeningScreen } from "./screening-screen.tsx";
