import "server-only";

import { redirect } from "next/navigation";

import { getDb } from "@/lib/db/server";

import { auth } from "./auth";
import { canOpen } from "./permissions";
import { isMember, scopeOfUser, type Scope } from "./scope";
import { getActiveUser, type SessionUser } from "./users";

/** A signed-in user with what it may see: pages pass `scope` to every read. */
export type PageUser = SessionUser & { scope: Scope; isMember: boolean };

export async function getSessionUser(): Promise<PageUser | null> {
  const session = await auth();
  const user = session?.userId ? await getActiveUser(getDb(), session.userId, session.sessionVersion) : null;
  return user && { ...user, scope: scopeOfUser(user), isMember: isMember(user) };
}

/** The signed-in user allowed on `path`; others go to sign-in, a pending wallet to its waiting page, the rest get a 403 page. */
export async function requirePageUser(path: string): Promise<PageUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  if (user.isPending) redirect("/pending");
  if (!canOpen(user, path)) redirect("/forbidden");
  return user;
}
