// The worker process (`npm run worker`): runs the jobs in worker/registry.ts until SIGINT or
// SIGTERM. `npm run worker -- --list` prints what runs when, with this configuration, and exits.
import { closeDb } from "@/lib/db/server";

import { createWorkerDeps } from "./deps";
import { listJobs } from "./list";
import { jobs } from "./registry";
import { runJobs } from "./run";

const deps = createWorkerDeps();
if (process.argv.includes("--list")) {
  console.log(listJobs(jobs, deps).join("\n"));
  await closeDb();
} else {
  console.log(
    `[worker] following ${deps.env.BATCH_TOKEN_ADDRESS} on chain ${deps.env.CHAIN_ID} from block ${deps.env.BATCH_TOKEN_DEPLOY_BLOCK}`,
  );
  console.log(
    `[worker] jobs:\n${listJobs(jobs, deps)
      .map((line) => `  ${line}`)
      .join("\n")}`,
  );
  const running = runJobs(jobs, deps);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, running.stop);
  await running.done;
  await closeDb();
}
