// How the worker process is started (npm run worker, scripts/stack.ts, test/crash.test.ts): with the
// react-server condition, as Next.js runs server code, so the app's `server-only` getters resolve.
export const workerArgs = ["--conditions=react-server", "--import", "tsx", "worker/main.ts"];
