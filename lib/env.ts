// The one place that reads process.env: validated once, typed, and named in every error.
import { z } from "zod";

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address");
const postgresUrl = z.url().refine((u) => /^postgres(ql)?:\/\//.test(u), "must be a postgres:// URL");
const httpUrl = z.url().refine((u) => /^(https?|wss?):\/\//.test(u), "must be an http(s):// or ws(s):// URL");

// Uploaded files (quality-check photos and certificates): Supabase Storage when SUPABASE_URL and
// SUPABASE_SERVICE_ROLE_KEY are set, else the local disk under UPLOAD_DIR.
const storageVars = {
  SUPABASE_URL: httpUrl.optional(),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(20, "must be a Supabase service role key").optional(),
  // A private bucket; create it in the Supabase dashboard before the first upload.
  SUPABASE_STORAGE_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, "must be a Supabase bucket name")
    .default("quality-files"),
  UPLOAD_DIR: z.string().min(1).default(".data/uploads"),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(50 * 1024 * 1024)
    .default(5 * 1024 * 1024),
};

// What sits in front of the app and so may be believed about the client's address and country:
// `none` (forwarding headers are ignored: anyone can send them), `vercel`, `cloudflare`, or how many
// proxies in front each append to X-Forwarded-For (the client is that many entries from the right).
export const ZTrustedProxy = z
  .string()
  .regex(/^(none|vercel|cloudflare|[1-9])$/, "must be none, vercel, cloudflare or a number of proxies from 1 to 9")
  .transform((v) => (/^\d$/.test(v) ? Number(v) : (v as "none" | "vercel" | "cloudflare")));
export type TrustedProxy = z.infer<typeof ZTrustedProxy>;

export const ZServerEnv = z
  .object({
    DATABASE_URL: postgresUrl,
    RPC_URL: httpUrl,
    CHAIN_ID: z.coerce.number().int().positive(),
    BATCH_TOKEN_ADDRESS: address,
    BATCH_TOKEN_DEPLOY_BLOCK: z.coerce.bigint().nonnegative().default(0n),
    AUDIT_ANCHOR_ADDRESS: address.optional(),
    // Multicall3, through which the sync service reads hundreds of batches per call; public chains
    // have it at this address, and `npm run dev` deploys one on the local chain.
    MULTICALL3_ADDRESS: address.default("0xcA11bde05977b3631167028862bE2a173976CA11"),
    // How often the worker reconciles every batch with the chain (cron syntax, UTC).
    SYNC_CRON: z
      .string()
      .regex(/^(\S+\s+){4}\S+$/, "must be a five-field cron expression")
      .default("*/15 * * * *"),
    // How often the worker anchors the audit log's new records on AuditAnchor (cron syntax, UTC);
    // it also anchors once the indexer first catches up. The sender needs ANCHOR_ROLE: the key below,
    // or on the local chain anvil's development account 9 (`npm run dev` grants it the role).
    ANCHOR_CRON: z
      .string()
      .regex(/^(\S+\s+){4}\S+$/, "must be a five-field cron expression")
      .default("*/5 * * * *"),
    ANCHOR_PRIVATE_KEY: z
      .string()
      .regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex key")
      .optional(),
    // Ships orders: sends each line's tokens to the buyer's delivery wallet, from its own stock or a
    // holder's that approved it (setApprovalForAll). On the local chain anvil's development account 7.
    SHIPPER_PRIVATE_KEY: z
      .string()
      .regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex key")
      .optional(),
    // How long a confirmed order's reservations hold its stock unless it ships.
    RESERVATION_HOURS: z.coerce.number().int().min(1).max(8_760).default(72),
    // How often the worker's monitoring agent runs its detectors (issue 20); the e2e stack uses 5.
    MONITOR_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
    // The public address of the app, for the QR codes on labels (they point at /trace/{batch_code});
    // without it, the origin of the request that asked for the labels.
    PUBLIC_APP_URL: httpUrl.optional(),
    // The GS1 company prefix that labels' GTINs and EPCIS locations are made from (6 to 9 digits); the
    // default is the prefix GS1's own documentation uses, so a real deployment sets its licensed one.
    GS1_COMPANY_PREFIX: z
      .string()
      .regex(/^\d{6,9}$/, "must be a GS1 company prefix of 6 to 9 digits")
      .default("0614141"),
    // Signs session tokens; `npm run dev` makes one and keeps it in DATA_DIR.
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
    // The app's public URL, when it sits behind a proxy; SIWE messages must name its host.
    AUTH_URL: httpUrl.optional(),
    TRUSTED_PROXY: ZTrustedProxy.default("none"),
    // Chainlink Functions. The secret signs the DON's calls to /api/chainlink/* (a DON-hosted secret,
    // `apiSecret`, on a real DON); the consumer is the BatchChecks contract the listener follows and
    // the batch page asks. Router and coordinator are set on the local chain only: the worker then
    // runs the local DON (lib/chainlink/fulfiller.ts) against them.
    CHAINLINK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    CHAINLINK_CONSUMER_ADDRESS: address.optional(),
    CHAINLINK_ROUTER_ADDRESS: address.optional(),
    CHAINLINK_COORDINATOR_ADDRESS: address.optional(),
    INDEXER_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
    INDEXER_BLOCK_RANGE: z.coerce.number().int().min(1).max(100_000).default(2000),
    // Blocks the indexer stays behind the head; 0 on the local chain, more where reorgs run deep.
    INDEXER_CONFIRMATIONS: z.coerce.number().int().min(0).max(1_000).default(0),
    // A WebSocket RPC; when set, the worker wakes on each new block instead of waiting to poll.
    RPC_WS_URL: z
      .url()
      .refine((u) => /^wss?:\/\//.test(u), "must be a ws(s):// URL")
      .optional(),
    // Live pages' event streams end after this many seconds and the browser resumes from its last id
    // (serverless hosts cap a response's life).
    SSE_MAX_SECONDS: z.coerce.number().int().min(1).max(3_600).default(300),
    // A counted quantity further than this from the chain's (in percent) rejects a verification request and raises an alert.
    VERIFICATION_TOLERANCE_PCT: z
      .string()
      .regex(/^\d{1,2}(\.\d{1,3})?$/, "must be a percentage such as 0.5")
      .default("0.5"),
    // A block explorer (e.g. https://sepolia.etherscan.io); event rows then link to their transactions there.
    EXPLORER_URL: httpUrl.optional(),
    // Supabase in production: Realtime feeds live pages (and Storage keeps uploads) when both are set.
    ...storageVars,
    // Vercel Cron sends it as a bearer token to /api/cron/listener (serverless deployments).
    CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    // The RPC browsers read the chain through; RPC_URL may carry a provider key, so it is never sent.
    PUBLIC_RPC_URL: httpUrl.optional(),
    // Outgoing mail (invitations, password resets): an SMTP server, e.g. smtps://user:pass@smtp.example.com:465.
    // `npm run dev` points it at its local catcher, whose mail admins read at /admin/mail.
    SMTP_URL: z
      .url()
      .refine((u) => /^smtps?:\/\//.test(u), "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z
      .string()
      .regex(
        /^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/,
        "must be an address, optionally with a name: Batchtrail <no-reply@example.com>",
      )
      .default("Batchtrail <no-reply@batchtrail.local>"),
    // On the local chain only: a `mock` wallet whose account a `batchtrail-mock-wallet` cookie picks (tests).
    WALLET_MOCK: z.enum(["0", "1"]).default("0"),
    // A WalletConnect Cloud project id (public); adds the WalletConnect option to wallet pages.
    WALLETCONNECT_PROJECT_ID: z
      .string()
      .regex(/^[0-9a-f]{32}$/, "must be a 32-character WalletConnect project id")
      .optional(),
  })
  .refine((e) => e.CHAIN_ID === 31337 || e.AUTH_URL, {
    path: ["AUTH_URL"],
    message:
      "is required off the local chain: Sign-In With Ethereum checks messages against its host, never against a request's Host header",
  });

export type ServerEnv = z.infer<typeof ZServerEnv>;

export class EnvError extends Error {}

/** Parses the given variables; the error names every missing or malformed one. */
export function parseEnv<T extends z.ZodType = typeof ZServerEnv>(
  source: Record<string, string | undefined>,
  schema?: T,
): z.infer<T> {
  const result = (schema ?? ZServerEnv).safeParse(source);
  if (result.success) return result.data as z.infer<T>;
  const lines = result.error.issues.map((i) => {
    const name = String(i.path[0]);
    return source[name] === undefined && i.code === "invalid_type"
      ? `  ${name}: is not set`
      : `  ${name}: ${i.message}`;
  });
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
}

let cached: ServerEnv | undefined;

export function getEnv(): ServerEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

export const ZStorageEnv = z.object(storageVars);
export type StorageEnv = z.infer<typeof ZStorageEnv>;

/** Only the upload settings, so file storage works (and is tested) without the whole app's environment. */
export function getStorageEnv(): StorageEnv {
  return parseEnv(process.env, ZStorageEnv);
}
