import "server-only";

import { getEnv } from "@/lib/env";

import { deriveSecretKey, type SecretKey } from "./secret-box";

let cached: SecretKey | undefined;

/** The key TOTP secrets are sealed with, derived from AUTH_SECRET (rotating AUTH_SECRET means enrolling again). */
export function getTotpKey(): SecretKey {
  cached ??= deriveSecretKey(getEnv().AUTH_SECRET, "totp");
  return cached;
}

let device: SecretKey | undefined;

/** The key device cookies are signed with (lib/auth/device.ts), derived from AUTH_SECRET. */
export function getDeviceKey(): SecretKey {
  device ??= deriveSecretKey(getEnv().AUTH_SECRET, "device");
  return device;
}
