"use server";

import { ZTotpConfirm } from "@/lib/auth/account-schemas";
import { getTotpKey } from "@/lib/auth/keys";
import { enableTotp } from "@/lib/auth/totp";
import { getDb } from "@/lib/db/server";

import { runAction } from "./safe-action";

export async function enableTotpAction(input: unknown) {
  return runAction("ACTION enable-totp", async (user) => {
    await enableTotp(getDb(), user.id, ZTotpConfirm.parse(input).code, getTotpKey());
    return { id: user.id };
  });
}
