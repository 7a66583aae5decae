import type { Caller } from "@/lib/auth/caller";
import { createUser, type SessionUser } from "@/lib/auth/users";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema";

type Staff = Pick<SessionUser, "id" | "name" | "email" | "role">;

/** A signed-in staff user outside any organisation. */
export const staffCaller = ({ id, name, email, role }: Staff): Caller => ({
  kind: "user",
  user: { id, name, email, role, organisationId: null, organisationKind: null, isPending: false },
});

/** Inserts staff users and returns each, in order, as a signed-in caller. */
export async function insertStaff(db: Db, people: Omit<Staff, "id">[]): Promise<Caller[]> {
  const rows = await db.insert(users).values(people).returning();
  return rows.map(staffCaller);
}

/** A user created as an admin would, with the password "correct horse battery"; its id. */
export async function insertUser(db: Db, user: Omit<Parameters<typeof createUser>[1], "password">): Promise<number> {
  return (await createUser(db, { ...user, password: "correct horse battery" }))!.id;
}
