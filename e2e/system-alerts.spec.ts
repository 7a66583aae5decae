// The System alerts page: an admin finds a staged alert through the /admin link, resolves it with a
// note and sees it resolved; a non-admin gets the forbidden page.
import { expect, test } from "@playwright/test";

import { query } from "./db";
import { storageStateFor } from "./stack";
import { stageSystemAlert } from "./system-alert";

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("resolves a system alert with a note, reached from /admin", async ({ page }) => {
    const { id } = await stageSystemAlert("resolve");
    const [{ open }] = await query<{ open: string }>(
      "select count(*) as open from system_alerts where status = 'open'",
    );
    await page.goto("/admin");
    await page.getByRole("link", { name: `System alerts (${open} open)` }).click();
    await expect(page).toHaveURL(/\/admin\/system-alerts$/);
    const row = page.locator(`#alert-${id}`);
    await expect(row).toContainText("audit chain broken");
    await expect(row).toContainText("critical");
    await expect(row).toContainText("position: 42");
    await expect(row.locator('[data-column="status"]')).toHaveText("open");

    await row.getByRole("button", { name: "Resolve…" }).click();
    const dialog = page.getByRole("dialog", { name: `Resolve system alert #${id}?` });
    const note = dialog.getByLabel("Note (3–500 characters)");
    await note.fill("ok");
    await dialog.getByRole("button", { name: "Resolve alert" }).click();
    // The browser holds a note under 3 characters back: the dialog stays and the alert is still open.
    await expect(dialog).toBeVisible();
    expect(await query("select status from system_alerts where id = $1", [id])).toEqual([{ status: "open" }]);
    await note.fill("Restored the audit log from the nightly backup.");
    await dialog.getByRole("button", { name: "Resolve alert" }).click();
    await expect(page.getByText(`System alert #${id} resolved.`)).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(row.locator('[data-column="status"]')).toHaveText("resolved");
    await expect(row.getByTestId("resolution-note")).toHaveText("Restored the audit log from the nightly backup.");
    await expect(row.locator('[data-column="resolution"]')).toContainText("by ");
    await expect(row.getByRole("button", { name: "Resolve…" })).toHaveCount(0);

    await page.getByRole("link", { name: "Open", exact: true }).click();
    await expect(page).toHaveURL(/status=open$/);
    await expect(page.locator(`#alert-${id}`)).toHaveCount(0);
    await page.getByRole("link", { name: "Resolved", exact: true }).click();
    await expect(page.locator(`#alert-${id}`)).toBeVisible();

    const [stored] = await query<{ status: string; resolution_note: string; email: string }>(
      `select a.status, a.resolution_note, u.email from system_alerts a join users u on u.id = a.resolved_by where a.id = $1`,
      [id],
    );
    expect(stored).toEqual({
      status: "resolved",
      resolution_note: "Restored the audit log from the nightly backup.",
      email: "admin@batchtrail.local",
    });
    const audits = await query<{ note: string }>(
      "select note from audit_records where entity = 'system_alert' and entity_id = $1 and action = 'system_alert.resolved'",
      [String(id)],
    );
    expect(audits).toEqual([{ note: "Restored the audit log from the nightly backup." }]);

    // Resolving it again through the API is a 409 that says when and by whom.
    const again = await page.request.post(`/api/system/alerts/${id}/resolve`, { data: { note: "Once more." } });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
      new RegExp(`^System alert ${id} was already resolved at .+ by `),
    );
  });
});

test.describe("as an operator", () => {
  test.use({ storageState: storageStateFor("operator") });

  test("gets the forbidden page", async ({ page }) => {
    await page.goto("/admin/system-alerts");
    await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  });
});
