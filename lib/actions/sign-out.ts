"use server";

import { signOut } from "@/lib/auth/auth";
import { getSessionUser } from "@/lib/auth/session";
import { endSessions } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";

/** Signing out ends every session of the user, on every device: a copied session cookie stops working too. */
export async function signOutAction() {
  const user = await getSessionUser();
  if (user) await endSessions(getDb(), user.id);
  await signOut({ redirectTo: "/sign-in" });
}
