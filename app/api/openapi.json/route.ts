// GET /api/openapi.json — the OpenAPI document for the whole API
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";

export const GET = handle("GET /api/openapi.json", async () => NextResponse.json(openApiDocument()));
