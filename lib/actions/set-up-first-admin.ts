"use server";

import { ZFirstAdmin } from "@/lib/auth/account-schemas";
import { setUpFirstAdmin } from "@/lib/auth/first-admin";
import { getDb } from "@/lib/db/server";

import { runPublicAction } from "./safe-action";

/** /setup: the token printed by the stack makes the first admin, while there is none. */
export async function setUpFirstAdminAction(input: unknown) {
  return runPublicAction("ACTION set-up-first-admin", async () => {
    const user = await setUpFirstAdmin(getDb(), ZFirstAdmin.parse(input));
    return { email: user.email };
  });
}
