// The key the eudr_submission setting's authentication key is sealed under, derived from AUTH_SECRET.
import "server-only";

import { deriveSecretKey } from "@/lib/auth/secret-box";
import { getEnv } from "@/lib/env";

export const eudrSecretKey = () => deriveSecretKey(getEnv().AUTH_SECRET, "eudr-api-key");
