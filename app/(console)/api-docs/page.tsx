import type { Metadata } from "next";

import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { openApiDocument } from "@/lib/endpoints/openapi";

export const metadata: Metadata = { title: "API" };

type Operation = {
  tags: string[];
  summary: string;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  "x-roles": string | string[];
  security: object[];
};

/** The success answer: its status, content type and schema. */
function answerOf(op: Operation) {
  const [status, response] = Object.entries(op.responses).find(([s]) => s.startsWith("2")) ?? [];
  const [type, media] = Object.entries(response?.content ?? {})[0] ?? [];
  return status && type ? { status, type, schema: media!.schema } : null;
}

export default async function ApiDocsPage() {
  await requirePageUser("/api-docs");
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op: op as Operation })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags[0]))];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="API">
        Every endpoint, who may call it, and what it takes. Machine-readable:{" "}
        <a className="underline" href="/api/openapi.json">
          /api/openapi.json
        </a>{" "}
        (OpenAPI 3.1). Errors are <code>{'{"error": {"code", "message", "details"}}'}</code>.
      </PageHeader>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="flex flex-col gap-3">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold">
            {tag}
          </h2>
          {operations
            .filter((o) => o.op.tags[0] === tag)
            .map(({ path, method, op }) => (
              <article
                key={`${method} ${path}`}
                className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
              >
                <h3 className="font-mono text-sm">
                  <span className="mr-2 font-semibold">{method}</span>
                  {path}
                </h3>
                <p className="mt-1 text-sm">{op.summary}</p>
                <p className="mt-1 text-xs text-stone-500">
                  Who:{" "}
                  {op["x-roles"] === "public"
                    ? "anyone"
                    : `${(op["x-roles"] as string[]).join(", ")}${op.security.some((s) => "apiKey" in s) ? ", and API keys with those roles" : ""}`}
                </p>
                {op.parameters.length > 0 && (
                  <p className="mt-1 text-xs text-stone-500">
                    Parameters:{" "}
                    {op.parameters.map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`).join(", ")}
                  </p>
                )}
                {op.requestBody && (
                  <pre tabIndex={0} className="mt-2 overflow-x-auto rounded bg-stone-100 p-2 text-xs dark:bg-stone-950">
                    {JSON.stringify(op.requestBody.content["application/json"].schema, null, 2)}
                  </pre>
                )}
                {answerOf(op) && (
                  <details className="mt-2 text-xs">
                    <summary className="cursor-pointer text-stone-500">
                      Answer: {answerOf(op)!.status}, {answerOf(op)!.type}
                    </summary>
                    <pre tabIndex={0} className="mt-1 overflow-x-auto rounded bg-stone-100 p-2 dark:bg-stone-950">
                      {JSON.stringify(answerOf(op)!.schema, null, 2)}
                    </pre>
                  </details>
                )}
              </article>
            ))}
        </section>
      ))}
    </div>
  );
}
