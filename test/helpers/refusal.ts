// The ApiError a promise is refused with; the test fails when it is accepted or fails otherwise.
import { expect } from "vitest";

import { ApiError } from "@/lib/api/errors";

export async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
