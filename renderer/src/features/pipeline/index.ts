export { PipelineScreen } from "./pipeline-screen.tsx";
