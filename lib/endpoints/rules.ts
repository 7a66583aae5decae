// The permission rules several endpoints share, named once (lib/auth/permissions holds the roles).
import { everyone, type Rule } from "@/lib/auth/permissions";

/** Every role, organisation members and API keys: reading what the caller's organisation may see. */
export const readers = { roles: everyone, members: true, apiKeys: true } satisfies Rule;
/** Anyone, signed in or not. */
export const open = { roles: [], isPublic: true } satisfies Rule;
/** The scheduler, with the CRON_SECRET bearer. */
export const cron = { roles: [], cron: true } satisfies Rule;
