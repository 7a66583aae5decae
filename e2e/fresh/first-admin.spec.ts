// A deployment's first run, with no demo accounts: admin:create, an invitation read from the mail
// catcher, password set, sign-in, reset, TOTP on and a sign-in with a code.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { generate } from "otplib";

import { freshStack } from "../stack";

const root = path.resolve(import.meta.dirname, "..", "..");
const baseURL = `http://127.0.0.1:${freshStack.port}`;
const databaseUrl = `postgres://postgres:batchtrail@127.0.0.1:${freshStack.pgPort}/batchtrail`;

test.describe.configure({ mode: "serial" });

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** The link to `linkPath` in the newest caught mail to `to`, as the admin reads it at /admin/mail. */
async function linkFromMail(admin: Page, to: string, linkPath: string): Promise<string> {
  await admin.goto(`/admin/mail?to=${encodeURIComponent(to)}`);
  const body = await admin.getByTestId("caught-mail").first().locator("pre").textContent();
  const link = body?.match(new RegExp(`https?://\\S+${linkPath}\\?token=[\\w-]+`))?.[0];
  expect(link, `a ${linkPath} link in the mail to ${to}`).toBeTruthy();
  return link!;
}

const newPage = async (browser: Browser) => (await browser.newContext({ baseURL })).newPage();

test("admin:create, invite an operator by mail, set a password, sign in, reset it, turn on TOTP and sign in with a code", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await newPage(browser);
  // No account exists: the sign-in page shows no demo accounts, and nobody can sign in as the demo admin.
  await signIn(admin, "admin@batchtrail.local", "batchtrail-demo");
  await expect(admin.getByRole("status").first()).toHaveText("Wrong email or password.");
  await expect(admin.getByText("Local demo accounts")).toHaveCount(0);

  // npm run admin:create -- --email …, against the stack's database
  const out = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/admin-create.ts",
      "--email",
      "root@example.com",
      "--name",
      "Rosa Root",
      "--url",
      baseURL,
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" },
  );
  const setupLink = out.match(/https?:\/\/\S+\/reset-password\?token=[\w-]+/)?.[0];
  expect(setupLink, out).toBeTruthy();
  await admin.goto(setupLink!);
  await admin.getByLabel("New password").fill("root-password-0001");
  await admin.getByRole("button", { name: "Set password" }).click();
  await expect(admin.getByText("Your password is set: sign in with it.")).toBeVisible();
  // The link works once.
  await admin.goto(setupLink!);
  await expect(admin.getByText("This link was already used. Ask for a new one.")).toBeVisible();
  await signIn(admin, "root@example.com", "root-password-0001");
  await expect(admin).toHaveURL(/\/inventory/);

  // The admin invites an operator; the mail goes to the local catcher.
  await admin.goto("/admin");
  await admin.getByLabel("Email to invite").fill("olga@example.com");
  await admin.getByLabel("Role to invite as").selectOption("operator");
  await admin.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText("Invitation sent to olga@example.com.")).toBeVisible();
  const invitation = await linkFromMail(admin, "olga@example.com", "/invite");

  const olga = await newPage(browser);
  await olga.goto(invitation);
  await expect(olga.getByText("You are invited as operator, with olga@example.com.")).toBeVisible();
  await olga.getByLabel("Your name").fill("Olga Operator");
  await olga.getByLabel("New password").fill("olga-password-0001");
  await olga.getByRole("button", { name: "Create my account" }).click();
  await expect(olga.getByText("Your account is ready: sign in.")).toBeVisible();
  await signIn(olga, "olga@example.com", "olga-password-0001");
  await expect(olga).toHaveURL(/\/inventory/);
  await expect(olga.getByTestId("signed-in-as")).toContainText("Olga Operator (operator)");

  // She forgets her password: the answer says nothing about whether the email exists.
  await olga.getByRole("button", { name: "Sign out" }).click();
  await expect(olga).toHaveURL(/\/sign-in/);
  await olga.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(olga).toHaveURL(/\/forgot-password/);
  await olga.getByLabel("Email", { exact: true }).fill("olga@example.com");
  await olga.getByRole("button", { name: "Send me a link" }).click();
  const answer =
    "If an account uses that email, a link to reset its password is on its way. It works once, for an hour.";
  await expect(olga.getByRole("status")).toHaveText(answer);
  await olga.getByLabel("Email", { exact: true }).fill("nobody@example.com");
  await olga.getByRole("button", { name: "Send me a link" }).click();
  await expect(olga.getByRole("status")).toHaveText(answer);
  await expect
    .poll(
      async () => (
        await admin.goto("/admin/mail?to=olga%40example.com"),
        admin.getByText("Reset your Batchtrail password").count()
      ),
    )
    .toBe(1);
  const reset = await linkFromMail(admin, "olga@example.com", "/reset-password");
  await olga.goto(reset);
  await olga.getByLabel("New password").fill("olga-password-0002");
  await olga.getByRole("button", { name: "Set password" }).click();
  await expect(olga.getByText("Your password is set: sign in with it.")).toBeVisible();
  await signIn(olga, "olga@example.com", "olga-password-0001");
  await expect(olga.getByRole("status").first()).toHaveText("Wrong email or password.");
  await signIn(olga, "olga@example.com", "olga-password-0002");
  await expect(olga).toHaveURL(/\/inventory/);

  // She turns on TOTP: a wrong code is refused, the code her app shows turns it on.
  await olga.goto("/account");
  const totp = olga.getByRole("region", { name: "Two-factor sign-in" });
  await olga.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(olga.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await olga.getByTestId("totp-secret").textContent())!;
  await olga.getByLabel("Code from the app").fill("000000");
  await olga.getByRole("button", { name: "Turn on" }).click();
  await expect(totp.getByRole("status")).toHaveText(/wrong or was already used/);
  const enrolCode = await generate({ secret });
  await olga.getByLabel("Code from the app").fill(enrolCode);
  await olga.getByRole("button", { name: "Turn on" }).click();
  await expect(totp.getByRole("status")).toHaveText("Two-factor sign-in is on: sign-in now asks for a code.");

  // Sign-in now asks for a code; the one just used (same time step) is refused, the next one works.
  await olga.getByRole("button", { name: "Sign out" }).click();
  await signIn(olga, "olga@example.com", "olga-password-0002");
  await expect(olga.getByRole("status").first()).toHaveText("Enter the 6-digit code from your authenticator app.");
  await olga.getByLabel("Authenticator code").fill(enrolCode);
  await olga.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(olga.getByRole("status").first()).toHaveText(/wrong or was already used/);
  await olga
    .getByLabel("Authenticator code")
    .fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await olga.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(olga).toHaveURL(/\/inventory/);
  await expect(olga.getByTestId("signed-in-as")).toContainText("Olga Operator (operator)");
});
