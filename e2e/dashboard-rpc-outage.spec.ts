// The dashboard's RPC status turning red while the chain's node is stopped, and green again after.
// Its project runs after every other spec (it is the setup project's teardown in
// playwright.config.ts), so no other spec meets a stopped chain.
import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

import type { SystemStatus } from "@/lib/system/status";

import { stack } from "./stack";

/** The process listening on anvil's port: ss names it as users:(("anvil",pid=123,fd=9)); fuser as a bare pid. */
function anvilPid(): number {
  const ss = execFileSync("ss", ["-Hltnp", `sport = :${stack.anvilPort}`], { encoding: "utf8" });
  const pid =
    /pid=(\d+)/.exec(ss)?.[1] ??
    execFileSync("fuser", ["-n", "tcp", String(stack.anvilPort)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    })
      .trim()
      .split(/\s+/)[0];
  if (!pid || !/^\d+$/.test(pid)) throw new Error(`found no process listening on port ${stack.anvilPort}`);
  return Number(pid);
}

test("shows the RPC down in red while anvil is stopped, and ok again once it runs", async ({ page, request }) => {
  test.setTimeout(90_000);
  // A connection of its own each time: a kept-alive one may be closed by the server's 5 s keep-alive
  // timeout just as it is reused (read ECONNRESET), and the waits between these reads are longer.
  const rpcStatus = async () =>
    ((await (await request.get("/api/system/status", { headers: { connection: "close" } })).json()) as SystemStatus)
      .components.rpc;
  await page.goto("/dashboard");
  const rpc = page.getByTestId("status-rpc");
  await expect(rpc).toHaveAttribute("data-state", "ok");
  const okSince = (await rpcStatus()).since;

  const pid = anvilPid();
  process.kill(pid, "SIGSTOP");
  try {
    // The status check gives the RPC 2.5 s; the page reads it every 3 s.
    await expect(rpc).toHaveAttribute("data-state", "down", { timeout: 15_000 });
    await expect(page.getByRole("listitem", { name: "RPC: Down" })).toBeVisible();
    await expect(rpc).toContainText("Does not answer");
    await expect(rpc).toHaveClass(/border-red/);
    await expect(page.getByTestId("overall-status")).toHaveAttribute("data-state", "down");
    const down = await rpcStatus();
    expect(down).toMatchObject({ state: "down", details: { head_block: null, latency_ms: null } });
    expect(Date.parse(down.since)).toBeGreaterThan(Date.parse(okSince));
  } finally {
    process.kill(pid, "SIGCONT");
  }
  await expect(rpc).toHaveAttribute("data-state", "ok", { timeout: 15_000 });
  await expect(page.getByRole("listitem", { name: "RPC: OK" })).toBeVisible();
  expect((await rpcStatus()).state).toBe("ok");
});
