// Runs the anvil binary shipped inside the @foundry-rs/anvil npm package.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export function anvilBinary(): string {
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string];
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  try {
    const bin = path.join(
      path.dirname(require.resolve(`${pkg}/package.json`)),
      "bin",
      process.platform === "win32" ? "anvil.exe" : "anvil",
    );
    if (existsSync(bin)) return bin;
  } catch {
    // fall through to the error below
  }
  throw new Error(
    `anvil binary not found: install ${pkg} (npm ci installs it as an optional dependency of @foundry-rs/anvil)`,
  );
}

export type Anvil = { url: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * Starts anvil; with stateFile, the chain is loaded from and saved to that file. With startTime (unix
 * seconds), a new chain's first block is dated then and its clock runs on from there.
 */
export async function startAnvil(opts: {
  port: number;
  stateFile?: string;
  accounts?: number;
  startTime?: number;
}): Promise<Anvil> {
  const args = [
    "--host",
    "127.0.0.1",
    "--port",
    String(opts.port),
    "--chain-id",
    "31337",
    "--accounts",
    String(opts.accounts ?? 12),
  ];
  if (opts.startTime !== undefined) args.push("--timestamp", String(opts.startTime));
  if (opts.stateFile) {
    mkdirSync(path.dirname(opts.stateFile), { recursive: true });
    // Saved when anvil stops (the stack stops it on Ctrl-C), not every few seconds: a file written
    // inside the project while `next dev` runs sends every open page into a reload loop.
    args.push("--state", opts.stateFile);
  }
  const child = spawn(anvilBinary(), args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Listening on")) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      const hint = output.includes("Address already in use")
        ? ` Port ${opts.port} is taken (another anvil?); stop it or set ANVIL_PORT.`
        : "";
      reject(new Error(`anvil exited with code ${code} before it was ready.${hint}\n${output.slice(-2000)}`));
    });
  });
  child.stdout!.resume();
  child.stderr!.resume();
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, process: child, stop };
}
