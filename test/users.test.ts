import { eq, sql } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { deviceOf, issueDeviceToken } from "@/lib/auth/device";
import { createAdmin, createSetupToken, setUpFirstAdmin } from "@/lib/auth/first-admin";
import { acceptInvitation, inviteUser } from "@/lib/auth/invitations";
import { changePassword, requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { checkPasswordSignIn, SignInRefusal } from "@/lib/auth/password-sign-in";
import type { Role } from "@/lib/auth/permissions";
import { deriveSecretKey, openSecret } from "@/lib/auth/secret-box";
import { hashToken } from "@/lib/auth/tokens";
import { enableTotp, startTotp } from "@/lib/auth/totp";
import { createUser, endSessions, getActiveUser, liftUserLockout, listUsers, updateUser } from "@/lib/auth/users";
import { users } from "@/lib/db/schema";
import type { MailCatcher } from "@/lib/mail/catcher";
import { createMailer, type Mailer } from "@/lib/mail/mailer";

import { createTestDb, type TestDb } from "./helpers/db";
import { startTestMail, tokenFromMail } from "./helpers/mail";

let t: TestDb;
let catcher: MailCatcher;
let mailer: Mailer;
let adminId: number;
const appUrl = "https://batchtrail.test";
const admin = () => ({ kind: "user" as const, id: String(adminId) });
const password = "a-long-enough-password";

beforeAll(async () => {
  t = await createTestDb();
  ({ catcher, mailer } = await startTestMail(t.db));
  adminId = (await createUser(t.db, { email: "admin@batchtrail.test", name: "Ada", password, role: "admin" }))!.id;
});
afterAll(async () => {
  await catcher.stop();
  await t.drop();
});

/** What a refused call must leave alone. */
async function state() {
  const { rows } = await t.pool.query(`select
    (select count(*) from users) as users, (select string_agg(concat_ws(',', id, password_hash, session_version, totp_enabled_at, totp_last_step), ';' order by id) from users) as user_rows,
    (select string_agg(concat_ws(',', id, expires_at, used_at), ';' order by id) from auth_tokens) as tokens,
    (select count(*) from caught_mails) as mails, (select count(*) from audit_records) as audit`);
  return rows[0];
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: unknown) => (e instanceof SignInRefusal ? e.code : ((e as { code?: string }).code ?? String(e))),
  );
const totpKey = deriveSecretKey("a-test-secret-that-is-long-enough-0123", "totp");
const signIn = (email: string, pw: string, opts: { code?: string; ip?: string | null; device?: string | null } = {}) =>
  checkPasswordSignIn(
    t.db,
    { email, password: pw, code: opts.code, ip: opts.ip === undefined ? "10.0.0.1" : opts.ip, device: opts.device },
    totpKey,
  );
const userRow = async (email: string) => (await t.db.select().from(users).where(eq(users.email, email)))[0];
const auditActions = async (entityId: string) =>
  (await t.pool.query("select action, actor_id from audit_records where entity_id = $1 order by position", [entityId]))
    .rows;

/** The admin invites `email` as `role`, by `via` (the test's mail server unless said). */
const invitation = (email: string, role: Role, via = mailer) =>
  inviteUser(t.db, via, { email, role, invitedBy: adminId, actor: admin(), appUrl });

async function invite(email: string, role: "operator" | "viewer" = "operator") {
  await invitation(email, role);
  return tokenFromMail(t.db, email, "/invite");
}

describe("invitations", () => {
  it("mails a single-use link; the invitee sets a password, gets the role and signs in", async () => {
    const token = await invite("olga@example.com");
    const [stored] = (
      await t.pool.query(
        "select token_hash, expires_at - created_at as ttl from auth_tokens where email = 'olga@example.com'",
      )
    ).rows;
    expect(stored.token_hash).toBe(hashToken(token));
    expect(stored.ttl.hours ?? stored.ttl.days * 24).toBe(72);
    expect(await auditActions("olga@example.com")).toEqual([{ action: "invitation.sent", actor_id: String(adminId) }]);
    const user = await acceptInvitation(t.db, { token, name: "Olga", password });
    expect(user.role).toBe("operator");
    expect((await signIn("olga@example.com", password)).id).toBe(String(user.id));
  });

  it("refuses a reused invitation link, changing nothing", async () => {
    const token = await invite("reuse@example.com");
    await acceptInvitation(t.db, { token, name: "First", password });
    const before = await state();
    expect(await refusal(acceptInvitation(t.db, { token, name: "Second", password: "another-password-1" }))).toBe(
      "rule_broken",
    );
    await expect(acceptInvitation(t.db, { token, name: "Second", password: "another-password-1" })).rejects.toThrow(
      /already used/,
    );
    expect(await state()).toEqual(before);
  });

  it("refuses an expired invitation link, changing nothing", async () => {
    const token = await invite("late@example.com");
    await t.pool.query("update auth_tokens set expires_at = now() - interval '1 second' where token_hash = $1", [
      hashToken(token),
    ]);
    const before = await state();
    await expect(acceptInvitation(t.db, { token, name: "Late", password })).rejects.toThrow(/expired/);
    expect(await state()).toEqual(before);
    expect(await userRow("late@example.com")).toBeUndefined();
  });

  it("refuses an invitation to an email that has an account, changing nothing and sending nothing", async () => {
    const before = await state();
    await expect(invitation("Admin@Batchtrail.test", "viewer")).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/already has an account/),
    });
    expect(await state()).toEqual(before);
  });

  it("refuses a role an invitation may not grant, changing nothing and sending nothing", async () => {
    const before = await state();
    await expect(invitation("boss@example.com", "admin")).rejects.toMatchObject({
      code: "rule_broken",
      message: expect.stringMatching(/cannot grant the admin role/),
    });
    expect(await state()).toEqual(before);
  });

  it("an invitation whose mail cannot be sent leaves nothing behind", async () => {
    const down = createMailer({ smtpUrl: "smtp://127.0.0.1:1", from: "Batchtrail <no-reply@batchtrail.test>" });
    const before = await state();
    await expect(invitation("unsent@example.com", "viewer", down)).rejects.toMatchObject({ code: "unavailable" });
    expect(await state()).toEqual(before);
  });

  it("an invitation to an address the mail server refuses is refused as a broken rule, leaving nothing behind", async () => {
    const before = await state();
    // Valid to zod's email check, refused by SMTP: a domain label may not end with a hyphen.
    const odd = "bind.-+i'7iZ5d+'.+-'-c_+.9.8__+-+.z@9oc-W-2O0i-.rcJQrmKc";
    await expect(invitation(odd, "viewer")).rejects.toMatchObject({
      code: "rule_broken",
      message: expect.stringMatching(/refused .*Bad recipient address/),
    });
    expect(await state()).toEqual(before);
  });

  it("a new invitation to the same email replaces the pending one", async () => {
    const first = await invite("twice@example.com");
    const second = await invite("twice@example.com");
    await expect(acceptInvitation(t.db, { token: first, name: "T", password })).rejects.toThrow(/expired/);
    expect((await acceptInvitation(t.db, { token: second, name: "T", password })).email).toBe("twice@example.com");
  });
});

describe("password reset", () => {
  it("answers nothing for an unknown email, and creates no link", async () => {
    const before = await state();
    expect(await requestPasswordReset(t.db, { email: "nobody@example.com", appUrl })).toBeNull();
    expect(await state()).toEqual(before);
  });

  it("resets once with the mailed link, ends every session, and refuses the link again or when expired", async () => {
    await createUser(t.db, { email: "rita@example.com", name: "Rita", password, role: "viewer" });
    const old = await userRow("rita@example.com");
    const mail = (await requestPasswordReset(t.db, { email: "rita@example.com", appUrl }))!;
    await mailer.send(mail);
    const token = await tokenFromMail(t.db, "rita@example.com", "/reset-password");
    await resetPassword(t.db, { token, password: "the-new-password-1" });
    expect(await getActiveUser(t.db, old.id, old.sessionVersion)).toBeNull();
    expect(await refusal(signIn("rita@example.com", password))).toBe("wrong_credentials");
    expect(await refusal(signIn("rita@example.com", "the-new-password-1"))).toBe("accepted");

    const before = await state();
    await expect(resetPassword(t.db, { token, password: "yet-another-password" })).rejects.toThrow(/already used/);
    const expired = (await requestPasswordReset(t.db, { email: "rita@example.com", appUrl }))!.text.match(
      /token=([\w-]+)/,
    )![1];
    await t.pool.query("update auth_tokens set expires_at = now() - interval '1 second' where token_hash = $1", [
      hashToken(expired),
    ]);
    const afterRequest = await state();
    await expect(resetPassword(t.db, { token: expired, password: "yet-another-password" })).rejects.toThrow(/expired/);
    expect(await state()).toEqual(afterRequest);
    expect(before.user_rows).toBe(afterRequest.user_rows);
  });

  it("changes a password only with the current one", async () => {
    const u = (await createUser(t.db, { email: "carl@example.com", name: "Carl", password, role: "viewer" }))!;
    const before = await state();
    await expect(
      changePassword(t.db, { userId: u.id, currentPassword: "wrong-password-here", newPassword: "the-new-password-2" }),
    ).rejects.toThrow(/current password is wrong/);
    expect(await state()).toEqual(before);
    await changePassword(t.db, { userId: u.id, currentPassword: password, newPassword: "the-new-password-2" });
    expect(await getActiveUser(t.db, u.id, u.sessionVersion)).toBeNull();
    expect(await refusal(signIn("carl@example.com", "the-new-password-2"))).toBe("accepted");
  });
});

describe("TOTP", () => {
  it("enrols only with a valid code; sign-in then needs a code, and refuses a wrong or replayed one", async () => {
    const u = (await createUser(t.db, { email: "tom@example.com", name: "Tom", password, role: "operator" }))!;
    const { secret, uri } = await startTotp(t.db, u.id, totpKey);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Batchtrail:tom%40example\.com\?/);
    let before = await state();
    await expect(enableTotp(t.db, u.id, "000000", totpKey)).rejects.toThrow(/wrong or was already used/);
    expect(await state()).toEqual(before);
    const now = await generate({ secret });
    await enableTotp(t.db, u.id, now, totpKey);
    // Kept sealed: the column holds no trace of the secret, and another key cannot open it.
    const sealed = (await userRow("tom@example.com")).totpSecret!;
    expect(sealed).not.toContain(secret);
    expect(() => openSecret(sealed, deriveSecretKey("another-secret-that-is-long-enough-99", "totp"))).toThrow();

    expect(await refusal(signIn("tom@example.com", password))).toBe("totp_required");
    before = await state();
    // The code just used to enrol: same time step, so a replay.
    expect(await refusal(signIn("tom@example.com", password, { code: now }))).toBe("wrong_code");
    expect(await refusal(signIn("tom@example.com", password, { code: now === "123456" ? "654321" : "123456" }))).toBe(
      "wrong_code",
    );
    expect((await state()).user_rows).toBe(before.user_rows);

    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(await refusal(signIn("tom@example.com", password, { code: next }))).toBe("accepted");
    expect(await refusal(signIn("tom@example.com", password, { code: next }))).toBe("wrong_code");
  });
});

describe("sessions and lockouts", () => {
  it("a session of an older version ends; deactivation ends every session and is audited", async () => {
    const u = (await createUser(t.db, { email: "sam@example.com", name: "Sam", password, role: "viewer" }))!;
    expect(await getActiveUser(t.db, u.id, u.sessionVersion)).not.toBeNull();
    await endSessions(t.db, u.id); // sign-out
    expect(await getActiveUser(t.db, u.id, u.sessionVersion)).toBeNull();
    const current = (await userRow("sam@example.com")).sessionVersion;
    await updateUser(t.db, u.id, { is_active: false }, admin());
    expect(await getActiveUser(t.db, u.id, current)).toBeNull();
    await updateUser(t.db, u.id, { is_active: true }, admin());
    expect(await getActiveUser(t.db, u.id, current)).toBeNull();
    expect((await auditActions(String(u.id))).map((a) => a.action)).toEqual(["user.deactivated", "user.activated"]);
  });

  it("someone guessing from another address cannot lock a user out; an admin lifts a lockout", async () => {
    const u = (await createUser(t.db, { email: "lucy@example.com", name: "Lucy", password, role: "viewer" }))!;
    for (let i = 0; i < 10; i++)
      expect(await refusal(signIn("lucy@example.com", "guess-" + i, { ip: "203.0.113.9" }))).toBe("wrong_credentials");
    expect(await refusal(signIn("lucy@example.com", password, { ip: "203.0.113.9" }))).toBe("rate_limited");
    expect(await refusal(signIn("lucy@example.com", password, { ip: "198.51.100.7" }))).toBe("accepted");
    expect((await listUsers(t.db)).find((x) => x.id === u.id)?.is_locked_out).toBe(true);
    expect(await liftUserLockout(t.db, u.id, admin())).toEqual({ id: u.id, lifted: 1 });
    expect(await refusal(signIn("lucy@example.com", password, { ip: "203.0.113.9" }))).toBe("accepted");
    expect(await auditActions(String(u.id))).toEqual([{ action: "user.lockout_lifted", actor_id: String(adminId) }]);
  });
});

describe("device cookies", () => {
  const deviceKey = deriveSecretKey("a-test-secret-that-is-long-enough-0123", "device");

  it("a token names its device only for the email it was issued to, and only unaltered", () => {
    const token = issueDeviceToken(deviceKey, "Dora@Example.com");
    expect(deviceOf(deviceKey, token, "dora@example.com")).toBe(token.split(".")[0]);
    expect(deviceOf(deviceKey, token, "eve@example.com")).toBeNull();
    expect(deviceOf(deviceKey, `${token}x`, "dora@example.com")).toBeNull();
    expect(
      deviceOf(deriveSecretKey("another-secret-that-is-long-enough-0123", "device"), token, "dora@example.com"),
    ).toBeNull();
    for (const bad of [undefined, "", "x", "a.b.c", "."])
      expect(deviceOf(deviceKey, bad, "dora@example.com")).toBeNull();
  });

  it("with no trusted proxy every client is one, yet strangers' guesses never lock out a browser that signed in before", async () => {
    await createUser(t.db, { email: "dora@example.com", name: "Dora", password, role: "viewer" });
    const device = deviceOf(deviceKey, issueDeviceToken(deviceKey, "dora@example.com"), "dora@example.com");
    for (let i = 0; i < 10; i++)
      expect(await refusal(signIn("dora@example.com", `guess-${i}`, { ip: null }))).toBe("wrong_credentials");
    // Locked for every unknown client, the attacker too…
    expect(await refusal(signIn("dora@example.com", password, { ip: null }))).toBe("rate_limited");
    // …but not for Dora's own browser, whose guesses are counted apart.
    expect(await refusal(signIn("dora@example.com", password, { ip: null, device }))).toBe("accepted");
  });
});

describe("the first admin", () => {
  it("the setup token makes the first admin once; admin:create prints a set-password link", async () => {
    const fresh = await createTestDb();
    try {
      const token = (await createSetupToken(fresh.db))!;
      await expect(
        setUpFirstAdmin(fresh.db, { token: "x".repeat(43), email: "a@example.com", name: "A", password }),
      ).rejects.toThrow(/not valid/);
      await setUpFirstAdmin(fresh.db, { token, email: "first@example.com", name: "First", password });
      expect(await createSetupToken(fresh.db)).toBeNull();
      await expect(
        setUpFirstAdmin(fresh.db, { token, email: "second@example.com", name: "Second", password }),
      ).rejects.toThrow(/already has an admin/);

      const created = await createAdmin(fresh.db, { email: "ops@example.com", name: "Ops", appUrl });
      await expect(createAdmin(fresh.db, { email: "ops@example.com", name: "Ops", appUrl })).rejects.toThrow(
        /already has an account/,
      );
      const link = new URL(created.link);
      expect(link.pathname).toBe("/reset-password");
      await resetPassword(fresh.db, { token: link.searchParams.get("token")!, password });
      const [row] = await fresh.db
        .select()
        .from(users)
        .where(sql`${users.email} = 'ops@example.com'`);
      expect(row.role).toBe("admin");
      expect((await checkPasswordSignIn(fresh.db, { email: "ops@example.com", password, ip: null }, totpKey)).id).toBe(
        String(row.id),
      );
    } finally {
      await fresh.drop();
    }
  });
});
