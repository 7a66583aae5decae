// The OpenAPI document, generated from the endpoints' declarations: their rules, schemas and answers.
import { z, type ZodType } from "zod";

import type { Rule } from "@/lib/auth/permissions";

import { isDownload, type Endpoint } from "./define";
import { declarations, tagOf } from "./registry";

type JsonSchema = { properties?: Record<string, object>; required?: string[] };
const jsonSchema = (schema: ZodType, io: "input" | "output" = "input") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;

const error = {
  description: "Error",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};

function security(rule: Rule) {
  if (rule.isPublic) return [];
  if (rule.chainlink) return [{ chainlinkSignature: [] }];
  return [{ session: [] }, ...(rule.apiKeys ? [{ apiKey: [] }] : []), ...(rule.cron ? [{ cronSecret: [] }] : [])];
}

/** The success answer: its JSON schema, or the content type of a file, CSV or stream. */
export function successResponse(d: Endpoint) {
  const content = isDownload(d.response)
    ? { [d.response.contentType]: { schema: { type: "string", format: "binary" } } }
    : { "application/json": { schema: jsonSchema(d.response, "output") } };
  return { description: isDownload(d.response) ? d.response.description : "OK", content };
}

function requestBody(d: Endpoint) {
  if (!d.body) return undefined;
  const schema = jsonSchema(d.body);
  const content: Record<string, object> = { "application/json": { schema } };
  if (d.bodyFormat === "multipart" && d.form) {
    const files = { type: "array", items: { type: "string", format: "binary" } };
    content["multipart/form-data"] = {
      schema: {
        type: "object",
        properties: { [d.form.field]: schema, ...Object.fromEntries(d.form.files.map((f) => [f, files])) },
      },
    };
  }
  // An empty body reads as `{}` (lib/api/body.ts): a body whose fields are all optional may be left out.
  return { required: !d.bodyFromQuery && !d.body.safeParse({}).success, content };
}

function operation(d: Endpoint, path: string) {
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = d.query ? jsonSchema(d.query) : null;
  const queryParams = Object.entries(query?.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: query?.required?.includes(name) ?? false,
    schema,
  }));
  const ok = successResponse(d);
  return {
    tags: [tagOf.get(d.key)],
    summary: d.summary,
    parameters: [...pathParams, ...queryParams],
    ...(d.body && { requestBody: requestBody(d) }),
    security: security(d.rule),
    "x-roles": d.rule.isPublic ? "public" : d.rule.roles,
    // Whether members of producer and buyer organisations may call it, seeing only their organisation's batches.
    "x-organisation-members": !!d.rule.members,
    responses: {
      ...Object.fromEntries((d.statuses ?? [200]).map((s) => [String(s), ok])),
      "400": error,
      ...(d.rule.isPublic ? {} : { "401": error, "403": error }),
      "404": error,
      "429": error,
    },
  };
}

export const openApiPath = (path: string) => path.replace(/\[\.\.\.(\w+)\]/, "{$1}").replace(/\[(\w+)\]/g, "{$1}");

export function openApiDocument() {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const d of declarations) {
    if (d.method === "ANY") continue; // not an endpoint, only the shape of a miss
    const path = openApiPath(d.path);
    paths[path] ??= {};
    paths[path][d.method.toLowerCase()] = operation(d, path);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Batchtrail API",
      version: "0.1.0",
      description:
        "Coffee batches minted on chain and mirrored in Postgres. Errors are {error: {code, message, details}}.",
    },
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key (bt_…) as `Authorization: Bearer` or `x-api-key`.",
        },
        chainlinkSignature: {
          type: "apiKey",
          in: "header",
          name: "x-batchtrail-signature",
          description:
            "HMAC-SHA256 with CHAINLINK_SECRET of `timestamp.nonce.POST.path.body`, hex, with `x-batchtrail-timestamp` (unix seconds, within 300 s) and `x-batchtrail-nonce` (16–64 hex, used once). chainlink/sources/*.js sign this way.",
        },
        cronSecret: { type: "http", scheme: "bearer", description: "CRON_SECRET, as Vercel Cron sends it." },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message", "details"],
              properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
            },
          },
        },
      },
    },
  };
}
