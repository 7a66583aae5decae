"use server";

import QRCode from "qrcode";

import { getTotpKey } from "@/lib/auth/keys";
import { startTotp } from "@/lib/auth/totp";
import { getDb } from "@/lib/db/server";

import { runAction } from "./safe-action";

/** A new TOTP secret and its QR code; not in force until enable-totp gets a valid code. */
export async function startTotpAction() {
  return runAction("ACTION start-totp", async (user) => {
    const { secret, uri } = await startTotp(getDb(), user.id, getTotpKey());
    return { secret, uri, qr: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
  });
}
