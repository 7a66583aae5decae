// Any /api path no route serves — the JSON error shape instead of an HTML page
import { ApiError } from "@/lib/api/errors";
import { handle } from "@/lib/endpoints/handle";
import { system } from "@/lib/endpoints/system";

const notFound = handle(system.notFound, async ({ request }) => {
  throw new ApiError(
    "not_found",
    `No endpoint at ${request.method} ${new URL(request.url).pathname}. The API is described at /api/openapi.json.`,
  );
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
