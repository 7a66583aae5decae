// `npm run dev` / `npm start`: Postgres, anvil, contracts, demo data, the worker and Next.js.
// DATABASE_URL / RPC_URL (+ BATCH_TOKEN_ADDRESS or DEPLOYER_PRIVATE_KEY) replace the embedded parts.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { z } from "zod";

import { anchorAccount, buyerAccount, operatorAccount, producerAccounts } from "@/lib/chain/dev-accounts";
import { shipperOf } from "@/lib/orders/shipper";
import { initSetting } from "@/lib/settings/settings";

import { createSetupToken } from "../lib/auth/first-admin";
import { batchTokenAbi } from "../lib/chain/abi";
import { chainFor, createChainClient } from "../lib/chain/client";
import { createDb } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { parseEnv, ZServerEnv } from "../lib/env";
import { measureMissingOverlaps } from "../lib/eudr/measure";
import { startMailCatcher } from "../lib/mail/catcher";
import { ensureAnchorRole } from "./lib/anchor-role";
import { startAnvil } from "./lib/anvil";
import { demoHistory, historyDays } from "./lib/demo-history";
import { demoBuyers, demoOrganisations, demoPassword, demoUsers, ensureDemoUsers } from "./lib/demo-users";
import { ensureDemoWarehouses } from "./lib/demo-warehouses";
import { deployContracts, type Deployment } from "./lib/deploy";
import { readDeployment, writeDeployment } from "./lib/deployment";
import { configureConsumer, deployFunctions } from "./lib/functions";
import { consignTo, mintDemoHistory } from "./lib/mint";
import { startPostgres } from "./lib/postgres";
import { workerArgs } from "./lib/worker-command";

const root = path.resolve(import.meta.dirname, "..");
const mode = process.argv[2] === "start" ? "start" : "dev";
const isFresh = process.argv.includes("--fresh");

const ZStackEnv = z.object({
  DATA_DIR: z.string().default(".data"),
  NEXT_DIST_DIR: z.string().default(".next"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  ANVIL_PORT: z.coerce.number().int().min(1).max(65535).default(8545),
  DEMO_BATCHES: z.coerce.number().int().min(0).max(5000).default(240),
  // 0: no demo accounts; the first admin comes from /setup or `npm run admin:create`.
  DEMO_USERS: z.enum(["0", "1"]).default("1"),
  // The local SMTP catcher's port, used unless SMTP_URL names a real server.
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
  SMTP_URL: ZServerEnv.shape.SMTP_URL,
  DATABASE_URL: ZServerEnv.shape.DATABASE_URL.optional(),
  RPC_URL: ZServerEnv.shape.RPC_URL.optional(),
  BATCH_TOKEN_ADDRESS: ZServerEnv.shape.BATCH_TOKEN_ADDRESS.optional(),
  BATCH_TOKEN_DEPLOY_BLOCK: z.coerce.bigint().nonnegative().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  CHAINLINK_SECRET: ZServerEnv.shape.CHAINLINK_SECRET,
  DEPLOYER_PRIVATE_KEY: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex key")
    .optional(),
});

const log = (msg: string) => console.log(`[stack] ${msg}`);
const children: ChildProcess[] = [];
const stops: (() => Promise<void>)[] = [];
let isStopping = false;

async function shutdown(code: number) {
  if (isStopping) return;
  isStopping = true;
  log("stopping…");
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(
    children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once("exit", r)) : null)),
  );
  for (const stop of stops.reverse()) await stop().catch(() => {});
  process.exit(code);
}

function run(name: string, command: string, args: string[], env: Record<string, string>, hint?: string) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" });
  child.once("exit", (code, signal) => {
    if (isStopping) return;
    log(`${name} exited (${signal ?? code}); stopping the stack${hint ? `. ${hint}` : ""}`);
    void shutdown(1);
  });
  children.push(child);
}

/** Runs a command to its end; rejects when it fails. */
function runOnce(command: string, args: string[], env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" });
    children.push(child);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${args.at(-1)} failed (${signal ?? code})`)),
    );
  });
}

async function database(env: z.infer<typeof ZStackEnv>, dataDir: string): Promise<string> {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  log("starting embedded Postgres…");
  const pgServer = await startPostgres({ dataDir: path.join(dataDir, "postgres"), port: env.PG_PORT });
  stops.push(pgServer.stop);
  await pgServer.createDatabase("batchtrail");
  return pgServer.url("batchtrail");
}

async function chain(env: z.infer<typeof ZStackEnv>, dataDir: string, pool: pg.Pool) {
  let rpcUrl = env.RPC_URL;
  if (!rpcUrl) {
    log("starting anvil…");
    const stateFile = path.join(dataDir, "anvil", "state.json");
    // A new chain with a demo starts in the past, so the demo can be minted over its history.
    const startTime =
      env.DEMO_BATCHES > 0 && !existsSync(stateFile)
        ? Math.floor(Date.now() / 1000) - (historyDays + 2) * 86_400
        : undefined;
    const anvil = await startAnvil({ port: env.ANVIL_PORT, stateFile, startTime });
    stops.push(anvil.stop);
    rpcUrl = anvil.url;
  }
  const chainId = await createChainClient(rpcUrl, 31337).getChainId();
  const isLocal = chainId === 31337;
  const chainClient = createChainClient(rpcUrl, chainId);

  let deployment: Deployment | undefined = env.BATCH_TOKEN_ADDRESS
    ? {
        chainId,
        batchToken: {
          address: env.BATCH_TOKEN_ADDRESS as `0x${string}`,
          deployBlock: String(env.BATCH_TOKEN_DEPLOY_BLOCK ?? 0n),
        },
      }
    : readDeployment(dataDir, chainId);
  const hasCode = async (d?: { address: `0x${string}` }) =>
    !!d && !!(await chainClient.getCode({ address: d.address }));
  const isDeployed =
    (await hasCode(deployment?.batchToken)) &&
    (env.BATCH_TOKEN_ADDRESS || ((await hasCode(deployment?.auditAnchor)) && (await hasCode(deployment?.multicall3))));
  if (!isDeployed) {
    if (env.BATCH_TOKEN_ADDRESS)
      throw new Error(`BATCH_TOKEN_ADDRESS: no contract at ${env.BATCH_TOKEN_ADDRESS} on chain ${chainId}`);
    if (!isLocal && !env.DEPLOYER_PRIVATE_KEY)
      throw new Error(
        "DEPLOYER_PRIVATE_KEY: is not set (needed to deploy to a non-local chain without BATCH_TOKEN_ADDRESS)",
      );
    const admin = env.DEPLOYER_PRIVATE_KEY
      ? privateKeyToAccount(env.DEPLOYER_PRIVATE_KEY as `0x${string}`)
      : operatorAccount;
    log(`deploying BatchToken and AuditAnchor to chain ${chainId}…`);
    deployment = await deployContracts({
      client: chainClient,
      rpcUrl,
      admin,
      minters: isLocal ? producerAccounts.map((a) => a.address) : [],
    });
    writeDeployment(dataDir, deployment);
    // A new contract starts a new history: what the embedded database indexed from the old one no
    // longer holds. A database of your own is never emptied behind your back.
    // (The audit log refuses TRUNCATE by trigger; replica mode lets the owner start over locally.)
    if (!env.DATABASE_URL)
      await pool.query(
        "begin; set local session_replication_role = replica; truncate batches, blockchain_events, listener_state, import_logs, chainlink_requests, chainlink_calls, chainlink_nonces, counts, count_deltas, stock_movements, holdings, warehouse_stock cascade; commit",
      );
    else log("new contracts deployed; rows indexed from earlier contracts stay in DATABASE_URL");
  }
  const address = deployment!.batchToken.address;
  if (
    isLocal &&
    deployment!.auditAnchor &&
    (await ensureAnchorRole(
      chainClient,
      rpcUrl,
      deployment!.auditAnchor.address,
      operatorAccount,
      anchorAccount.address,
    ))
  )
    log("granted ANCHOR_ROLE to the worker's anchorer");
  if (isLocal && !env.BATCH_TOKEN_ADDRESS)
    deployment = await localFunctions(chainClient, rpcUrl, dataDir, deployment!, `http://localhost:${env.PORT}`);
  const count = await chainClient.readContract({ address, abi: batchTokenAbi, functionName: "batchCount" });
  let demoNow: string | undefined;
  if (isLocal && count < BigInt(env.DEMO_BATCHES)) {
    // Resumes an interrupted seeding: the history is the same for the same day.
    demoNow = new Date().toISOString();
    const history = demoHistory(env.DEMO_BATCHES, new Date(demoNow));
    log(
      `minting ${env.DEMO_BATCHES - Number(count)} demo batches through the contract, over the last ${historyDays} days…`,
    );
    await mintDemoHistory(
      { client: chainClient, rpcUrl, address },
      operatorAccount,
      producerAccounts,
      history,
      Number(count),
      log,
    );
  }
  const shipper = shipperOf({ SHIPPER_PRIVATE_KEY: process.env.SHIPPER_PRIVATE_KEY, CHAIN_ID: chainId });
  // The producers consign their stock to the shipping wallet; the demo roaster lets it take returns back.
  if (isLocal && shipper)
    await consignTo({ client: chainClient, rpcUrl, address }, [...producerAccounts, buyerAccount], shipper.address);
  // A local chain's RPC is the one the browser uses too; a remote RPC_URL may hold a key.
  return {
    rpcUrl,
    chainId,
    address,
    deployBlock: deployment!.batchToken.deployBlock,
    auditAnchor: deployment!.auditAnchor?.address,
    multicall3: deployment!.multicall3?.address,
    functions: deployment!.functions,
    publicRpcUrl: isLocal ? rpcUrl : undefined,
    // Our anvil answers WebSockets on its HTTP port: the worker hears each block as it is mined.
    wsUrl: env.RPC_URL ? undefined : rpcUrl.replace(/^http/, "ws"),
    demoNow,
  };
}

/** Chainlink's router and coordinator and our consumer, once; the consumer follows the app's URL. */
async function localFunctions(
  client: ReturnType<typeof createChainClient>,
  rpcUrl: string,
  dataDir: string,
  d: Deployment,
  apiUrl: string,
): Promise<Deployment> {
  const f = d.functions;
  if (f && (await client.getCode({ address: f.consumer }))) {
    if (f.apiUrl === apiUrl) return d;
    log(`pointing the Chainlink consumer at ${apiUrl}…`);
    const wallet = createWalletClient({
      account: operatorAccount,
      chain: chainFor(d.chainId, rpcUrl),
      transport: http(rpcUrl),
    });
    await configureConsumer(client, wallet, f.consumer, {
      donId: f.donId,
      subscriptionId: BigInt(f.subscriptionId),
      apiUrl,
    });
    d = { ...d, functions: { ...f, apiUrl } };
  } else {
    log("deploying Chainlink Functions (router, coordinator, subscription) and the BatchChecks consumer…");
    const functions = await deployFunctions({
      client,
      rpcUrl,
      admin: operatorAccount,
      batchToken: d.batchToken.address,
      apiUrl,
      verifiers: [operatorAccount.address],
    });
    d = { ...d, functions: { ...functions, apiUrl } };
  }
  writeDeployment(dataDir, d);
  return d;
}

/**
 * `next dev` compiles a route on its first request, which can take longer than a Functions call
 * may (9 s): once the app answers, ask each Chainlink route once (a GET, refused with 405 without
 * reaching the handler), so the local DON's first call finds them compiled.
 */
async function warmUp(port: number) {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120 && !isStopping; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  for (const check of ["verify-batch", "quality-check", "expiry-check"])
    await fetch(`${base}/api/chainlink/${check}/0`).catch(() => {});
}

/** The embedded default's SMTP server: mail from the app lands in caught_mails. */
async function mailCatcher(databaseUrl: string, port: number): Promise<string> {
  const { db, pool } = createDb(databaseUrl, 2);
  const catcher = await startMailCatcher(db, port).catch((error: Error) => {
    throw new Error(
      `the mail catcher could not listen on port ${port} (set SMTP_PORT, or SMTP_URL for a real server): ${error.message}`,
    );
  });
  stops.push(async () => {
    await catcher.stop();
    await pool.end();
  });
  return catcher.url;
}

/** A secret from the environment, else one made once and kept with the local data. */
function secret(given: string | undefined, dataDir: string, name: string): string {
  if (given) return given;
  const file = path.join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  const env = parseEnv(process.env, ZStackEnv);
  const distDir = path.join(root, env.NEXT_DIST_DIR);
  if (mode === "start" && !existsSync(path.join(distDir, "BUILD_ID")))
    throw new Error(`no production build in ${env.NEXT_DIST_DIR}: run \`npm run build\` first, or use \`npm run dev\``);
  const dataDir = path.resolve(root, env.DATA_DIR);
  if (isFresh) rmSync(dataDir, { recursive: true, force: true });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

  const databaseUrl = await database(env, dataDir);
  const { db, pool } = createDb(databaseUrl, 2);
  const applied = await migrate(pool);
  if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
  // Plots filed before overlaps were measured on write get theirs now (nothing to do once done).
  const measured = await measureMissingOverlaps(db);
  if (measured) log(`measured ${measured} plot overlaps with the deforestation layers`);
  const hasDemoUsers = !env.DATABASE_URL && env.DEMO_USERS === "1";
  if (hasDemoUsers) await ensureDemoUsers(db);
  // The demo's and the tests' webhook receivers run on this machine: loopback endpoints are allowed.
  if (hasDemoUsers) await initSetting(db, "webhooks_allow_private", true, { kind: "system", id: "stack" });
  // Before anything is indexed, so minted batches are filed under their warehouses' codes.
  if (!env.DATABASE_URL) await ensureDemoWarehouses(db);
  const c = await chain(env, dataDir, pool);
  const setupToken = await createSetupToken(db);
  await pool.end();
  const smtpUrl = env.SMTP_URL ?? (await mailCatcher(databaseUrl, env.SMTP_PORT));

  const appEnv = {
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: secret(env.AUTH_SECRET, dataDir, "auth-secret"),
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    RPC_URL: c.rpcUrl,
    CHAIN_ID: String(c.chainId),
    BATCH_TOKEN_ADDRESS: c.address,
    BATCH_TOKEN_DEPLOY_BLOCK: c.deployBlock,
    UPLOAD_DIR: process.env.UPLOAD_DIR ?? path.join(dataDir, "uploads"),
    ...(c.auditAnchor && { AUDIT_ANCHOR_ADDRESS: c.auditAnchor }),
    ...(c.multicall3 && { MULTICALL3_ADDRESS: c.multicall3 }),
    ...(c.functions && {
      CHAINLINK_SECRET: secret(env.CHAINLINK_SECRET, dataDir, "chainlink-secret"),
      CHAINLINK_CONSUMER_ADDRESS: c.functions.consumer,
      CHAINLINK_ROUTER_ADDRESS: c.functions.router,
      CHAINLINK_COORDINATOR_ADDRESS: c.functions.coordinator,
    }),
    ...(c.publicRpcUrl && !process.env.PUBLIC_RPC_URL && { PUBLIC_RPC_URL: c.publicRpcUrl }),
    ...(c.wsUrl && !process.env.RPC_WS_URL && { RPC_WS_URL: c.wsUrl }),
  };
  parseEnv(appEnv);
  // A demo minted just now gets its off-chain past before the worker and the app start.
  if (c.demoNow && hasDemoUsers) {
    log("indexing the demo and seeding its checks, counts, assessments and plots…");
    await runOnce(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/demo-activity.ts"], {
      ...appEnv,
      DEMO_BATCHES: String(env.DEMO_BATCHES),
      DEMO_NOW: c.demoNow,
    });
  }
  run("worker", process.execPath, workerArgs, appEnv);
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  run(
    "next",
    process.execPath,
    // Idle connections kept past any client's own keep-alive (Node's 5 s default let a client reuse
    // a socket the server was closing: ECONNRESET under load), behind a proxy or a test runner alike.
    [next, mode, "-p", String(env.PORT), ...(mode === "start" ? ["--keepAliveTimeout", "65000"] : [])],
    appEnv,
    `If its error names ${env.NEXT_DIST_DIR}/, that build is stale or foreign: delete the folder (rm -rf ${env.NEXT_DIST_DIR}) and run again.`,
  );
  if (mode === "dev" && c.functions) void warmUp(env.PORT);
  log(`chain ${c.chainId} at ${c.rpcUrl}, BatchToken ${c.address}`);
  if (hasDemoUsers)
    log(
      `demo sign-ins (password "${demoPassword}"): ${[...demoUsers.map((u) => `${u.email} (${u.role})`), ...demoBuyers.flatMap((b) => (b.member ? [`${b.member.email} (${b.name})`] : []))].join(", ")}`,
    );
  if (hasDemoUsers)
    log(
      `demo producer wallets, each in its organisation (approve one on the admin page after it signs in): ${demoOrganisations.map((o) => `${o.wallet} (${o.name})`).join(", ")}`,
    );
  if (!env.SMTP_URL) log(`mail goes to the local catcher at ${smtpUrl}; admins read it at /admin/mail`);
  if (setupToken)
    log(
      `no admin yet: open http://localhost:${env.PORT}/setup?token=${setupToken} (valid 24 h), or run \`npm run admin:create -- --email you@example.com\``,
    );
  log(`open http://localhost:${env.PORT}/inventory — Ctrl-C stops everything`);
}

main().catch((error) => {
  console.error(`[stack] ${error instanceof Error ? error.message : error}`);
  void shutdown(1);
});
