// `npm run audit:check` — walks the audit log's hash chain and every root anchored on chain, and
// names the first record changed behind the database's back. Exit code 1 when anything is wrong.
// Uses DATABASE_URL, RPC_URL and AUDIT_ANCHOR_ADDRESS when set, else the running dev stack's.
import path from "node:path";
import type { Address } from "viem";
import { z } from "zod";

import { createChainClient } from "../lib/chain/client";
import { createDb } from "../lib/db";
import { parseEnv } from "../lib/env";
import { checkAudit } from "../lib/provenance/check";
import { readDeployment } from "./lib/deployment";

const env = parseEnv(
  process.env,
  z.object({
    DATABASE_URL: z.url().default("postgres://postgres:batchtrail@127.0.0.1:54329/batchtrail"),
    RPC_URL: z.url().default("http://127.0.0.1:8545"),
    DATA_DIR: z.string().default(".data"),
    AUDIT_ANCHOR_ADDRESS: z
      .string()
      .regex(/^0x[0-9a-fA-F]{40}$/)
      .optional(),
  }),
);
const client = createChainClient(env.RPC_URL, 31337);
const chainId = await client.getChainId();
const address = (env.AUDIT_ANCHOR_ADDRESS ??
  readDeployment(path.resolve(env.DATA_DIR), chainId)?.auditAnchor?.address) as Address | undefined;
if (!address)
  throw new Error(
    `AUDIT_ANCHOR_ADDRESS: is not set and no deployment is recorded for chain ${chainId} under ${env.DATA_DIR}`,
  );

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
