import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next.js resolves this to an empty module on the server; so do the tests.
      "server-only": path.resolve(import.meta.dirname, "test/helpers/server-only.ts"),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Vitest's default, said out loud: with CI set (.ci/run sets CI=true), a committed `.only` fails the run.
    allowOnly: !process.env.CI,
    globalSetup: ["test/global-setup.ts"],
    // One shared anvil: files run one at a time so their transactions never race for nonces.
    fileParallelism: false,
    testTimeout: 30_000,
    // next-auth imports "next/server" without an extension, which Node's ESM loader cannot find;
    // bundled by Vite it resolves (the Chainlink route handlers reach it through lib/endpoints/handle).
    server: { deps: { inline: ["next-auth"] } },
    hookTimeout: 120_000,
  },
});
