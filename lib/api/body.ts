// The one way a JSON request body is read: no body is `{}`, a body that is not JSON is a 400.
import { ApiError } from "./errors";

/** A JSON body, or a 400 that says it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("validation_error", "The body is not valid JSON.");
  }
}

/** The request's JSON body; an empty body reads as `{}`, so optional fields may all be left out. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  return text.trim() ? parseJson(text) : {};
}
