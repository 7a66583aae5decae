// Compiles contracts/*.sol with the solc package; output is cached under .data/cache by source hash.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Abi, Hex } from "viem";

export type Artifact = { abi: Abi; bytecode: Hex };
export type Artifacts = Record<string, Artifact>;

const root = path.resolve(import.meta.dirname, "../..");
const require = createRequire(import.meta.url);

function readSources(): Record<string, { content: string }> {
  const dir = path.join(root, "contracts");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".sol"))
    .sort();
  return Object.fromEntries(files.map((f) => [`contracts/${f}`, { content: readFileSync(path.join(dir, f), "utf8") }]));
}

function findImport(importPath: string) {
  try {
    return { contents: readFileSync(require.resolve(importPath), "utf8") };
  } catch {
    return { error: `File not found: ${importPath}` };
  }
}

export function compileContracts(): Artifacts {
  const solc = require("solc");
  const sources = readSources();
  const input = {
    language: "Solidity",
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: "cancun",
      outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
    },
  };
  const key = createHash("sha256").update(solc.version()).update(JSON.stringify(input)).digest("hex").slice(0, 16);
  const cacheFile = path.join(root, ".data", "cache", `contracts-${key}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, "utf8"));

  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const errors = (output.errors ?? []).filter((e: { severity: string }) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e: { formattedMessage: string }) => e.formattedMessage).join("\n"));

  const artifacts: Artifacts = {};
  for (const file of Object.keys(sources)) {
    for (const [name, c] of Object.entries<{ abi: Abi; evm: { bytecode: { object: string } } }>(
      output.contracts[file],
    )) {
      artifacts[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
    }
  }
  mkdirSync(path.dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(artifacts));
  return artifacts;
}
