// GET /api/openapi.json — the OpenAPI document for the whole API
import { handle, reply } from "@/lib/endpoints/handle";
import { openApiDocument } from "@/lib/endpoints/openapi";
import { system } from "@/lib/endpoints/system";

export const GET = handle(system.openApi, async () => reply(openApiDocument()));
