// Signs in once per role through the real sign-in form and keeps each session for the specs.
import { expect, test as setup } from "@playwright/test";

import { demoPassword, demoUsers } from "@/scripts/lib/demo-users";

import { submitSignIn } from "./sign-in";
import { storageStateFor } from "./stack";

for (const user of demoUsers) {
  setup(`sign in as ${user.role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await submitSignIn(page, user.email, demoPassword);
    await expect(page).toHaveURL(/\/inventory/);
    // This browser is now a known device of the account: strangers' guesses never lock it out (lib/auth/device.ts).
    expect((await page.context().cookies()).map((c) => c.name)).toContain("bt_device");
    await page.context().storageState({ path: storageStateFor(user.role) });
  });
}
