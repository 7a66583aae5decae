import "server-only";

import { ZodError } from "zod";

import { ApiError } from "@/lib/api/errors";
import { authorize } from "@/lib/auth/caller";
import { actions, type Rule } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/users";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields: Record<string, string> } };

/** Runs a server action for a signed-in user the permission table allows; errors come back as a typed result, never a throw. */
export async function runAction<T>(
  permission: keyof typeof actions,
  body: (user: SessionUser) => Promise<T>,
): Promise<ActionResult<T>> {
  return settle(async () => {
    const user = await getSessionUser();
    authorize(actions[permission], user ? { kind: "user", user } : { kind: "anonymous" });
    return body(user!);
  });
}

/** Runs a server action anyone may call (a link from a mail, the first-run page): its row must say public. */
export async function runPublicAction<T>(
  permission: keyof typeof actions,
  body: () => Promise<T>,
): Promise<ActionResult<T>> {
  const rule: Rule = actions[permission];
  if (!rule.isPublic) throw new Error(`${permission} is not public`);
  return settle(body);
}

async function settle<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (error instanceof ZodError) {
      const fields = Object.fromEntries(error.issues.map((i) => [i.path.join("."), i.message]));
      return { ok: false, error: { code: "validation_error", message: "Some fields are not valid.", fields } };
    }
    if (error instanceof ApiError) {
      const details = Array.isArray(error.details) ? (error.details as { path: string; message: string }[]) : [];
      return {
        ok: false,
        error: {
          code: error.code,
          message: error.message,
          fields: Object.fromEntries(details.map((d) => [d.path, d.message])),
        },
      };
    }
    console.error("server action failed", error);
    return { ok: false, error: { code: "internal_error", message: "Something went wrong on our side.", fields: {} } };
  }
}
