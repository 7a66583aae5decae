// Adds lockfile entries for other platforms' optional binary packages (e.g. @next/swc-darwin-arm64).
// A registry that serves only this platform's packages leaves them out of package-lock.json, and
// `npm ci` then refuses the lockfile. The entries carry os/cpu, so npm skips them on this platform.
// Run after changing dependencies: `node scripts/lock-platforms.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const osNames = {
  darwin: "darwin",
  linux: "linux",
  win32: "win32",
  windows: "win32",
  freebsd: "freebsd",
  android: "android",
  openharmony: "openharmony",
  sunos: "sunos",
  aix: "aix",
  netbsd: "netbsd",
  openbsd: "openbsd",
};
const cpuNames = {
  x64: "x64",
  amd64: "x64",
  arm64: "arm64",
  aarch64: "arm64",
  arm: "arm",
  ia32: "ia32",
  ppc64: "ppc64",
  loong64: "loong64",
  riscv64: "riscv64",
  s390x: "s390x",
  mips64el: "mips64el",
  wasm32: "wasm32",
};

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.map((p) => osNames[p]).find(Boolean);
  const cpu = parts.map((p) => cpuNames[p]).find(Boolean);
  return { ...(os && { os: [os] }), ...(cpu && cpu !== "wasm32" && { cpu: [cpu] }) };
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (lock.packages[base] || lock.packages[`node_modules/${dep}`]) continue;
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) continue;
    lock.packages[`node_modules/${dep}`] = {
      version: spec,
      ...(entry.dev && { dev: true }),
      ...(!entry.dev && entry.devOptional && { devOptional: true }),
      optional: true,
      ...platformOf(dep),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} lockfile entries for other platforms' optional packages`);
