import "server-only";
import { ZodError } from "zod";
import { ApiError } from "@/lib/api/errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields: Record<string, string> } };

/** Runs a server action body; errors come back as a typed result the form can show, never as a throw. */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (error instanceof ZodError) {
      const fields = Object.fromEntries(error.issues.map((i) => [i.path.join("."), i.message]));
      return { ok: false, error: { code: "validation_error", message: "Some fields are not valid.", fields } };
    }
    if (error instanceof ApiError) {
      const details = Array.isArray(error.details) ? (error.details as { path: string; message: string }[]) : [];
      return { ok: false, error: { code: error.code, message: error.message, fields: Object.fromEntries(details.map((d) => [d.path, d.message])) } };
    }
    console.error("server action failed", error);
    return { ok: false, error: { code: "internal_error", message: "Something went wrong on our side.", fields: {} } };
  }
}
