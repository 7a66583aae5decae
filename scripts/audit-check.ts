// `npm run audit:check` — walks the audit log's hash chain and every root anchored on chain, and
// names the first record changed behind the database's back. Exit code 1 when anything is wrong.
// Uses DATABASE_URL, RPC_URL and AUDIT_ANCHOR_ADDRESS when set, else the running dev stack's.
import { z } from "zod";

import { createDb } from "../lib/db";
import { parseEnv } from "../lib/env";
import { checkAudit } from "../lib/provenance/check";
import { scriptContract } from "./lib/deployment";

const env = parseEnv(
  process.env,
  z.object({ DATABASE_URL: z.url().default("postgres://postgres:batchtrail@127.0.0.1:54329/batchtrail") }),
);
const { client, chainId, address } = await scriptContract("AUDIT_ANCHOR_ADDRESS", (d) => d.auditAnchor?.address);

const { db, pool } = createDb(env.DATABASE_URL, 2);
try {
  const result = await checkAudit(db, { client, address });
  console.log(
    `${result.records} audit records; ${result.anchors} anchors on chain ${chainId} at ${address}, covering records 1–${result.anchoredUpTo}`,
  );
  if (!result.firstChanged) console.log("the hash chain holds and every anchored root matches the records");
  else {
    console.log(`first changed record: ${result.firstChanged.position} (${result.firstChanged.reason})`);
    for (const p of result.problems) console.log(`  ${p}`);
    process.exitCode = 1;
  }
} finally {
  await pool.end();
}
