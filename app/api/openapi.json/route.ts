// GET /api/openapi.json — the OpenAPI document for the whole API
import { handle, reply } from "@/lib/endpoints/handle";
import { openApiDocument } from "@/lib/endpoints/openapi";
import { openApi } from "@/lib/endpoints/system";

export const GET = handle(openApi, async () => reply(openApiDocument()));
