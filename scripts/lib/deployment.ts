// Where the dev stack records contract addresses, per chain id.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

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
