// A copy of this project in a temporary folder, to run its README commands as a new user would.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** The project's files as they stand (tracked and new, not ignored), with node_modules hard-linked. */
export function cloneProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "batchtrail-clone-"));
  chmodSync(dir, 0o755); // Postgres runs as its own user and must reach its data directory.
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  }).split("\0");
  for (const file of files) {
    if (!file || !existsSync(path.join(root, file))) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(dir, file));
  }
  execFileSync("cp", ["-al", path.join(root, "node_modules"), dir]);
  return dir;
}

export type Dev = { url: string; log: () => string; stop: () => Promise<void> };

/** `npm run dev` in `dir` on its own ports; resolves once the app answers its health check. */
export async function startDev(
  dir: string,
  ports: { port: number; pgPort: number; anvilPort: number; smtpPort: number },
): Promise<Dev> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(ports.port),
    PG_PORT: String(ports.pgPort),
    ANVIL_PORT: String(ports.anvilPort),
    SMTP_PORT: String(ports.smtpPort),
    DEMO_BATCHES: "6",
  };
  for (const name of ["NEXT_DIST_DIR", "DATA_DIR", "DATABASE_URL", "RPC_URL", "SMTP_URL", "DEMO_USERS"])
    delete env[name];
  // Its own process group, so a SIGINT reaches every process as Ctrl-C in a terminal would.
  const child = spawn("npm", ["run", "dev"], { cwd: dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => void (output += chunk.toString());
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  // localhost, not 127.0.0.1: `next dev` refuses its HMR socket to other origins, and the socket is what could loop.
  const url = `http://localhost:${ports.port}`;
  const deadline = Date.now() + 300_000;
  while (
    !(await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopGroup(child, ports);
      throw new Error(`npm run dev did not come up:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return { url, log: () => output, stop: () => stopGroup(child, ports) };
}

/** Ctrl-C, then waits until every port is free again (Postgres may outlive npm by a moment). */
async function stopGroup(child: ChildProcess, ports: Record<string, number>) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid!, "SIGINT");
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 60_000);
    await exited;
    clearTimeout(timer);
  }
  for (const port of Object.values(ports)) {
    for (let i = 0; i < 60 && (await isListening(port)); i++) await new Promise((r) => setTimeout(r, 500));
  }
}

const isListening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

export const removeClone = (dir: string) => rmSync(dir, { recursive: true, force: true });
