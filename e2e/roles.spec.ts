import { expect, test } from "@playwright/test";

import { devAccount } from "@/lib/chain/dev-accounts";
import { demoPassword } from "@/scripts/lib/demo-users";

import { query } from "./db";
import { navFor } from "./nav-links";
import { giveMockWallet, stack, storageStateFor } from "./stack";

for (const [role, links] of Object.entries(navFor)) {
  test.describe(`signed in as ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });

    test(`shows the ${role} their name, role and only their navigation`, async ({ page }) => {
      await page.goto("/inventory");
      await expect(page.getByTestId("signed-in-as")).toContainText(`(${role})`);
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(links);
      await page.goto("/admin");
      if (role === "admin") await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
      else await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
      await page.goto("/batches/new");
      if (links.includes("Add batch")) await expect(page.getByRole("heading", { name: "Add new batch" })).toBeVisible();
      else await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
    });
  });
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("pages send you to sign-in and back to where you were going", async ({ page }) => {
    await page.goto("/inventory?status=verified");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByLabel("Email", { exact: true }).fill("viewer@batchtrail.local");
    await page.getByLabel("Password", { exact: true }).fill(demoPassword);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/inventory$/);
  });

  test("a wrong password is refused and recorded", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill("operator@batchtrail.local");
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a wallet signs in with Ethereum and waits for an admin's approval", async ({ context, page }) => {
    await giveMockWallet(context, devAccount(2).address);
    await page.goto("/sign-in");
    await page.getByRole("button", { name: /^Connect / }).click();
    await page.getByRole("button", { name: "Sign in with Ethereum" }).click();
    await expect(page).toHaveURL(/\/pending$/);
    await expect(page.getByRole("heading", { name: "Waiting for approval" })).toBeVisible();
  });
});

test.describe("admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("a role change asks to confirm, changes nothing until saved, then says Saved", async ({ page }) => {
    const email = `role-${Date.now()}@example.com`;
    const [user] = await query<{ id: string }>(
      "insert into users (name, email, role) values ('Rita Roles', $1, 'viewer') returning id::text",
      [email],
    );
    await page.goto("/admin");
    await page.getByLabel("Role of Rita Roles").selectOption("verifier");
    const confirm = page.getByRole("group", { name: "Confirm the role of Rita Roles" });
    await expect(confirm).toContainText("Make Rita Roles a verifier instead of viewer?");
    expect(await query("select role from users where id = $1", [user.id])).toEqual([{ role: "viewer" }]);
    await confirm.getByRole("button", { name: "Save role" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    expect(await query("select role from users where id = $1", [user.id])).toEqual([{ role: "verifier" }]);
  });

  test("creates an API key shown once, which then works, and revokes it", async ({ page, playwright }) => {
    await page.goto("/admin");
    await page.getByLabel("Name").fill("e2e reader");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = await page.getByTestId("new-api-key").innerText();
    expect(key).toMatch(/^bt_[0-9a-f]{12}_/);
    await expect(page.getByTestId("api-key-header")).toContainText("Authorization: Bearer <key>");
    await expect(page.getByRole("button", { name: "Copy key" })).toBeVisible();
    const client = await playwright.request.newContext({
      baseURL: `http://127.0.0.1:${stack.port}`,
      extraHTTPHeaders: { authorization: `Bearer ${key}` },
    });
    expect((await client.get("/api/batches?limit=1")).status()).toBe(200);

    await page.reload();
    await expect(page.getByText(key)).toHaveCount(0);
    await page.getByRole("button", { name: "Revoke e2e reader" }).click();
    // Revoking asks first: nothing is revoked until confirmed.
    const confirm = page.getByRole("group", { name: "Confirm revoking e2e reader" });
    expect((await client.get("/api/batches?limit=1")).status()).toBe(200);
    await confirm.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(page.getByRole("row").filter({ hasText: "e2e reader" }).getByText("revoked")).toBeVisible();
    await expect(page.getByRole("button", { name: "Revoke e2e reader" })).toHaveCount(0);
    expect((await client.get("/api/batches?limit=1")).status()).toBe(401);
    await client.dispose();
  });
});
