import "server-only";

import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db/server";

import { findUsableToken, type TokenPurpose } from "./tokens";

/** For a page opened from a link: the token's row, or why it cannot be used (without using it). */
export async function checkLink(
  purpose: TokenPurpose,
  token: unknown,
): Promise<{ email: string | null; role: string | null } | { refused: string }> {
  if (typeof token !== "string" || token.length < 20 || token.length > 200)
    return { refused: "This link is not valid. Check that you copied all of it, or ask for a new one." };
  try {
    const row = await findUsableToken(getDb(), purpose, token);
    return { email: row.email, role: row.role };
  } catch (error) {
    if (error instanceof ApiError) return { refused: error.message };
    throw error;
  }
}
