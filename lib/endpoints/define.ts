// What an endpoint is, declared once: the route file's handler, the permission table, the OpenAPI
// document, the /api-docs page and the browser's client all read the declaration. Client-safe.
import { z, type ZodObject, type ZodType } from "zod";

import { ZId } from "@/lib/api/params";
import type { Rule } from "@/lib/auth/permissions";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** An answer that is not JSON: a file, a CSV, an event stream. */
export type Download = { contentType: string; description: string };

// The downloads several endpoints answer, by kind: a CSV, a file as uploaded (served as its checked
// type), a stream of Server-Sent Events.
export const csvFile = (description: string): Download => ({ contentType: "text/csv", description });
export const storedFile = (description: string): Download => ({ contentType: "application/octet-stream", description });
export const serverSentEvents = (description: string): Download => ({ contentType: "text/event-stream", description });

export type Spec = {
  /** `ANY`: one handler for every method (the catch-all 404). */
  method: Method | "ANY";
  /** As the route's folder names it: `/api/batches/[batch_id]`. */
  path: `/api/${string}`;
  rule: Rule;
  /** The OpenAPI document's group, when not its domain's. */
  tag?: string;
  summary: string;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  /**
   * How the body is read: JSON (the default); `multipart`, JSON or a form (`form`) whose field holds
   * the JSON beside files (the route reads the files); `text`, the raw body, for a signature over it.
   */
  bodyFormat?: "json" | "multipart" | "text";
  /** A multipart body's JSON field and its file fields. */
  form?: { field: string; files: readonly ("photos" | "certificates")[] };
  /** The body's fields may come as query parameters instead (seed 000 sent them so). */
  bodyFromQuery?: boolean;
  /** The JSON answer on success, or what else is sent. */
  response: ZodType | Download;
  /** Its success statuses when not just 200, e.g. [201] for a creation, [200, 201] for "found or created". */
  statuses?: readonly number[];
};

export type Endpoint<S extends Spec = Spec> = S & { key: `${S["method"]} ${S["path"]}` };

/**
 * As a domain's file writes it: `route` is the key, `METHOD /api/...`; without `params`, each
 * parameter the route names (`[batch_id]`) is a numeric id.
 */
export type Declaration = Omit<Spec, "method" | "path"> & { route: `${Spec["method"]} ${Spec["path"]}` };

/** The parameters a path names, catch-alls (`[...path]`) aside. */
type Named<P> = P extends `${string}[${infer N}]${infer Rest}`
  ? (N extends `...${string}` ? never : N) | Named<Rest>
  : never;
type IdParams<P> = [Named<P>] extends [never] ? unknown : { params: ZodObject<{ [K in Named<P>]: typeof ZId }> };

type Declared<D extends Declaration> =
  D["route"] extends `${infer M extends Spec["method"]} ${infer P extends Spec["path"]}`
    ? Endpoint<Omit<D, "route"> & { method: M; path: P } & (D extends { params: ZodType } ? unknown : IdParams<P>)>
    : never;

function idParamsOf(route: string) {
  const names = [...route.matchAll(/\[(\w+)\]/g)].map(([, name]) => name);
  const other = names.find((name) => !name.endsWith("_id"));
  if (other) throw new Error(`${route}: [${other}] is not an id; the declaration needs its params schema`);
  return names.length ? { params: z.object(Object.fromEntries(names.map((name) => [name, ZId]))) } : {};
}

const endpoint = <const D extends Declaration>({ route, ...spec }: D): Declared<D> => {
  const [method, path] = route.split(" ");
  return { ...(spec.params ? {} : idParamsOf(route)), ...spec, method, path, key: route } as Declared<D>;
};

/** A domain's endpoints as its file declares them: a table from each endpoint's name to its declaration. */
export const endpoints = <const T extends Record<string, Declaration>>(table: T) =>
  Object.fromEntries(Object.entries(table).map(([name, d]) => [name, endpoint(d)])) as {
    [K in keyof T]: Declared<T[K]>;
  };

type PagedList = Endpoint & { method: "GET"; query: ZodObject & { shape: { cursor: ZodType; limit: ZodType } } };
type Unpaged<Q> = Q extends ZodObject<infer S, infer C> ? ZodObject<Omit<S, "cursor" | "limit">, C> : never;

/** `GET <list>/export`: every row the list's filters match, newest first, as CSV; `noun` names one row. */
export const csvExport = <const L extends PagedList>(list: L, noun: string) =>
  endpoint({
    route: `${list.key}/export` as `${L["key"]}/export` & Declaration["route"],
    rule: list.rule,
    summary: `Every ${noun} the filters match, newest first, as CSV.`,
    query: list.query.omit({ cursor: true, limit: true }) as Unpaged<L["query"]>,
    response: csvFile(`One row per ${noun}, with a header row.`),
  });

export const isDownload = (response: Spec["response"]): response is Download =>
  "contentType" in response && !("parse" in response);

type Parsed<S, K extends string, Else> = S extends { [P in K]: infer T extends ZodType } ? z.output<T> : Else;

export type ParamsOf<S> = Parsed<S, "params", Record<string, string>>;
export type QueryOf<S> = Parsed<S, "query", Record<string, string>>;
export type BodyOf<S> = S extends { bodyFormat: "text" } ? string : Parsed<S, "body", undefined>;
/** What the JSON answer looks like on the wire. */
export type ResponseOf<S> = S extends { response: infer R extends ZodType } ? z.output<R> : Response;

/** What a caller sends: route parameters as strings or numbers, the query's and body's schema inputs (a form for multipart). */
export type Input<S> = (S extends { params: infer T extends ZodType }
  ? { params: { [K in keyof z.input<T>]: string | number } }
  : { params?: undefined }) &
  (S extends { query: infer T extends ZodType } ? { query?: z.input<T> } : { query?: undefined }) &
  (S extends { body: infer T extends ZodType }
    ? { body?: z.input<T> | (S extends { bodyFormat: "multipart" } ? FormData : never) }
    : { body?: undefined });
