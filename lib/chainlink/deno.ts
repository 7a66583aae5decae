// simulateScript runs `deno` from PATH. The deno npm package ships the binary in a per-platform
// package (its own install script, which npm may skip, only copies it), so find it there.
import { chmodSync, existsSync, mkdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url);

export function denoBinary(): string {
  const libc = process.platform === "linux" ? "-glibc" : "";
  const pkg = `@deno/${process.platform === "win32" ? "win32" : process.platform}-${process.arch}${libc}`;
  try {
    const bin = path.join(
      path.dirname(require.resolve(`${pkg}/package.json`)),
      process.platform === "win32" ? "deno.exe" : "deno",
    );
    if (existsSync(bin)) return bin;
  } catch {
    // fall through to the error below
  }
  throw new Error(`deno binary not found: install ${pkg} (npm ci installs it as an optional dependency of deno)`);
}

/** Puts a `deno` on this process's PATH (a link in a private folder) and returns its path. */
export function putDenoOnPath(dir = path.join(tmpdir(), `batchtrail-deno-${process.getuid?.() ?? "user"}`)): string {
  const bin = denoBinary();
  chmodSync(bin, 0o755);
  const link = path.join(dir, path.basename(bin));
  mkdirSync(dir, { recursive: true });
  if (linkTarget(link) !== bin) {
    // A link left by another checkout may dangle, and test files run side by side: make the
    // link under a private name and rename it over the old one, which replaces it atomically.
    const fresh = `${link}.${process.pid}`;
    rmSync(fresh, { force: true });
    symlinkSync(bin, fresh);
    renameSync(fresh, link);
  }
  if (!process.env.PATH?.split(path.delimiter).includes(dir))
    process.env.PATH = `${dir}${path.delimiter}${process.env.PATH ?? ""}`;
  return link;
}

function linkTarget(link: string): string | null {
  try {
    return readlinkSync(link);
  } catch {
    return null;
  }
}
