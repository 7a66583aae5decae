import "server-only";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/server";
import { auth } from "./auth";
import { canOpen } from "./permissions";
import { getActiveUser, type SessionUser } from "./users";

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  return session?.userId ? getActiveUser(getDb(), session.userId, session.sessionVersion) : null;
}

/** The signed-in user allowed on `path`; others go to sign-in, or get a 403 page. */
export async function requirePageUser(path: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (!canOpen(user.role, path)) redirect("/forbidden");
  return user;
}
