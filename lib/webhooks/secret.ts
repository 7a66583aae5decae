// Each endpoint's signing secret, Standard Webhooks style ("whsec_" and 32 random bytes in base64),
// kept sealed. After a rotation the previous secret signs too, for a day, so a receiver can switch over.
import { randomBytes } from "node:crypto";

import { openSecret, type SecretKey } from "@/lib/auth/secret-box";

/** How long a rotated-out secret still signs. */
export const rotationOverlapMs = 24 * 3600_000;

export const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

type Sealed = { secretSealed: string; previousSecretSealed: string | null; previousSecretExpiresAt: Date | null };

/** The secrets to sign with at `now`: the current one, and the previous one while it is still valid. */
export function signingSecrets(endpoint: Sealed, key: SecretKey, now: Date): string[] {
  const secrets = [openSecret(endpoint.secretSealed, key)];
  const previous = endpoint.previousSecretSealed;
  if (previous && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now)
    secrets.push(openSecret(previous, key));
  return secrets;
}
