// The local demo accounts, one per role. Only ever created in the embedded database.
import type { Db } from "../../lib/db";
import { createUser } from "../../lib/auth/users";
import type { Role } from "../../lib/auth/permissions";

export const demoPassword = "batchtrail-demo";
export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: "admin@batchtrail.local", name: "Ada Admin", role: "admin" },
  { email: "operator@batchtrail.local", name: "Omar Operator", role: "operator" },
  { email: "verifier@batchtrail.local", name: "Vera Verifier", role: "verifier" },
  { email: "viewer@batchtrail.local", name: "Victor Viewer", role: "viewer" },
];

export async function ensureDemoUsers(db: Db) {
  for (const u of demoUsers) await createUser(db, { ...u, password: demoPassword });
}
