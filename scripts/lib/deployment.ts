// Where the dev stack records contract addresses, per chain id.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Address } from "viem";
import { z } from "zod";

import { createChainClient } from "../../lib/chain/client";
import { parseEnv } from "../../lib/env";
import type { Deployment } from "./deploy";

const file = (dataDir: string, chainId: number) => path.join(dataDir, "deployments", `${chainId}.json`);

export function readDeployment(dataDir: string, chainId: number): Deployment | undefined {
  const f = file(dataDir, chainId);
  return existsSync(f) ? (JSON.parse(readFileSync(f, "utf8")) as Deployment) : undefined;
}

export function writeDeployment(dataDir: string, d: Deployment): void {
  mkdirSync(path.dirname(file(dataDir, d.chainId)), { recursive: true });
  writeFileSync(file(dataDir, d.chainId), JSON.stringify(d, null, 2));
}

/**
 * The chain a command-line script talks to, and one contract on it: RPC_URL (else the dev stack's
 * anvil), and the address in `variable` when set, else the one the dev stack recorded under DATA_DIR.
 */
export async function scriptContract(variable: string, recorded: (d: Deployment) => string | undefined) {
  const env = parseEnv(
    process.env,
    z.object({
      RPC_URL: z.url().default("http://127.0.0.1:8545"),
      DATA_DIR: z.string().default(".data"),
      [variable]: z
        .string()
        .regex(/^0x[0-9a-fA-F]{40}$/)
        .optional(),
    }),
  ) as { RPC_URL: string; DATA_DIR: string } & Record<string, string | undefined>;
  const client = createChainClient(env.RPC_URL, 31337);
  const chainId = await client.getChainId();
  const deployment = readDeployment(path.resolve(env.DATA_DIR), chainId);
  const address = (env[variable] ?? (deployment && recorded(deployment))) as Address | undefined;
  if (!address)
    throw new Error(`${variable}: is not set and no deployment is recorded for chain ${chainId} under ${env.DATA_DIR}`);
  return { rpcUrl: env.RPC_URL, client, chainId, address };
}
