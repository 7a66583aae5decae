"use server";

import { ZTotpConfirm } from "@/lib/auth/account-schemas";
import { getTotpKey } from "@/lib/auth/keys";
import { disableTotp } from "@/lib/auth/totp";
import { getDb } from "@/lib/db/server";

import { runAction } from "./safe-action";

export async function disableTotpAction(input: unknown) {
  return runAction("ACTION disable-totp", async (user) => {
    await disableTotp(getDb(), user.id, ZTotpConfirm.parse(input).code, getTotpKey());
    return { id: user.id };
  });
}
