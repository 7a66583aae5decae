import "server-only";
import { getEnv } from "@/lib/env";
import { deriveSecretKey, type SecretKey } from "./secret-box";

let cached: SecretKey | undefined;

/** The key TOTP secrets are sealed with, derived from AUTH_SECRET (rotating AUTH_SECRET means enrolling again). */
export function getTotpKey(): SecretKey {
  cached ??= deriveSecretKey(getEnv().AUTH_SECRET, "totp");
  return cached;
}
