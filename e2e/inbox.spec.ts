// The inbox and alert notifications in the browser: the verifier saves "Alert notifications" on
// /account; staged notifications show as the header's unread badge, list on /inbox newest first,
// open their batch (marked read on the way) and clear with "Mark all read"; and the worker's mail
// job mails a pending one to the catcher. (Alerts reaching the inbox through the outbox are covered
// by test/notifications.test.ts and, end to end, by e2e/notifications.spec.ts.)
import { expect, test } from "@playwright/test";

import { query } from "./db";
import { stageNotification } from "./notification";
import { storageStateFor } from "./stack";

test.use({ storageState: storageStateFor("verifier") });

const verifier = "verifier@batchtrail.local";
const unreadOf = async (email: string) =>
  Number(
    (
      await query<{ n: string }>(
        "select count(*) as n from notifications n join users u on u.id = n.user_id where u.email = $1 and n.read_at is null",
        [email],
      )
    )[0].n,
  );

test("the verifier saves alert notifications on /account, and they stay saved", async ({ page }) => {
  await page.goto("/account");
  const form = page.getByRole("region", { name: "Alert notifications" });
  const severity = form.getByLabel("Minimum severity");
  await severity.selectOption("medium");
  await form.getByLabel(/By email/).check();
  await form.getByLabel("In my inbox").check();
  await form.getByRole("button", { name: "Save alert notifications" }).click();
  await expect(page.getByText("Alert notifications saved.")).toBeVisible();

  await page.reload();
  await expect(severity).toHaveValue("medium");
  await expect(form.getByLabel(/By email/)).toBeChecked();
  await expect(form.getByLabel("In my inbox")).toBeChecked();
  expect(
    await query(
      `select s.min_severity, s.by_email, s.in_inbox from alert_subscriptions s join users u on u.id = s.user_id where u.email = $1`,
      [verifier],
    ),
  ).toEqual([{ min_severity: "medium", by_email: true, in_inbox: true }]);
});

test("staged notifications show in the header badge and the inbox, open their batch, and clear with Mark all read", async ({
  page,
}) => {
  const [batch] = await query<{ id: string; batch_code: string }>(
    "select id, batch_code from batches order by id limit 1",
  );
  const tag = Math.floor(Math.random() * 1e9);
  const older = await stageNotification(verifier, {
    severity: "medium",
    title: `${batch.batch_code}: expiring unreserved`,
    body: `Expires in 20 days with nothing reserved (${tag}).`,
    link: `/batches/${batch.id}#alerts`,
  });
  const newer = await stageNotification(verifier, {
    severity: "high",
    title: `${batch.batch_code}: price outlier`,
    body: `Price 10x the median of its origin (${tag}).`,
    link: `/batches/${batch.id}#alerts`,
  });
  const readAt = async (id: number) =>
    (await query<{ read_at: Date | null }>("select read_at from notifications where id = $1", [id]))[0].read_at;
  const unread = await unreadOf(verifier);
  expect(unread).toBeGreaterThanOrEqual(2);

  await page.goto("/inventory");
  const inbox = page.getByRole("banner").getByRole("link", { name: /^Inbox, \d+ unread$/ });
  await expect(inbox).toHaveAccessibleName(`Inbox, ${unread} unread`);
  await expect(inbox.getByTestId("inbox-unread")).toHaveText(String(unread));
  await inbox.click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();

  const newerRow = page.locator(`#notification-${newer}`);
  await expect(newerRow).toContainText(`Price 10x the median of its origin (${tag}).`);
  await expect(newerRow).toContainText("high");
  await expect(newerRow).toHaveAttribute("data-unread", "true");
  // Newest first: the older notification's row comes after the newer's.
  await expect(page.locator(`#notification-${newer} ~ #notification-${older}`)).toContainText(
    `Expires in 20 days with nothing reserved (${tag}).`,
  );

  await newerRow.getByRole("link", { name: `${batch.batch_code}: price outlier` }).click();
  await expect(page).toHaveURL(new RegExp(`/batches/${batch.id}#alerts$`));
  await expect(page.locator("#alerts")).toBeVisible();
  expect(await readAt(newer)).not.toBeNull();
  expect(await readAt(older)).toBeNull();

  await page.goto("/inbox");
  await expect(inbox).toHaveAccessibleName(`Inbox, ${await unreadOf(verifier)} unread`);
  await expect(newerRow).toHaveAttribute("data-unread", "false");
  await expect(newerRow.getByRole("button", { name: "Mark read" })).toHaveCount(0);
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByText("Every notification is read.")).toBeVisible();
  await expect(inbox).toHaveAccessibleName("Inbox, 0 unread");
  await expect(inbox.getByTestId("inbox-unread")).toHaveCount(0);
  await expect(page.locator(`#notification-${older}`)).toHaveAttribute("data-unread", "false");
  expect(await readAt(older)).not.toBeNull();
});

// The viewer: no other spec mails them, so no earlier alert mail holds this one back for the 10-minute digest window.
test("the worker mails a pending notification to the catcher", async () => {
  const viewer = "viewer@batchtrail.local";
  const body = `Listener 40 blocks behind (${Math.floor(Math.random() * 1e9)})`;
  const id = await stageNotification(viewer, {
    severity: "high",
    title: "Batch alert",
    body,
    link: "/inventory",
    emailState: "pending",
  });
  await expect
    .poll(
      async () =>
        (
          await query<{ subject: string }>(
            "select subject from caught_mails where $1 = any(rcpt_to) and subject like $2",
            [viewer, `%${body}%`],
          )
        ).map((m) => m.subject),
      { timeout: 40_000 },
    )
    .toEqual([`[Batchtrail] High alert: ${body}`]);
  expect(await query("select email_state from notifications where id = $1", [id])).toEqual([{ email_state: "sent" }]);
});

test("the API answers the caller's own notifications and subscription as declared", async ({ page }) => {
  const { listNotifications, getNotificationSubscription } = (await import("@/lib/endpoints/notifications"))
    .notifications;
  const id = await stageNotification(verifier, {
    title: "API check",
    body: "Answered as declared.",
    link: "/inventory",
  });
  const answer = await page.request.get("/api/notifications?unread=true&limit=100");
  expect(answer.status()).toBe(200);
  const json = await answer.json();
  expect(listNotifications.response.parse(json)).toEqual(json);
  expect(json.data.map((n: { id: number }) => n.id)).toContain(id);
  expect(json.unread).toBe(await unreadOf(verifier));

  const read = await page.request.post("/api/notifications/read", { data: { ids: [id] } });
  expect(await read.json()).toEqual({ updated: 1, unread: json.unread - 1 });
  const unreadNow = await (await page.request.get("/api/notifications?unread=true&limit=100")).json();
  expect(unreadNow.data.map((n: { id: number }) => n.id)).not.toContain(id);

  const bad = await page.request.post("/api/notifications/read", { data: { ids: [] } });
  expect(bad.status()).toBe(400);
  const subscription = await (await page.request.get("/api/notifications/subscription")).json();
  expect(getNotificationSubscription.response.parse(subscription)).toEqual(subscription);
});
