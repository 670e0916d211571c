// A PartnerStack-style API client for the tests: PartnerStack's envelope and action declared on
// the client's side (zod), a client that joins paths onto a base URL with a path prefix and signs
// with HTTP Basic, and the deployment it talks to (the /api/v2 routes over a test's database).
import { z } from "zod";
import type { OpenDatabase } from "@/lib/db/open";
import * as actionRoute from "../actions/[key]/route";
import * as actionsRoute from "../actions/route";

/** An action as PartnerStack documents it; fields it does not declare are not read. */
export const psAction = z.object({
  key: z.string(),
  type: z.string(),
  value: z.int().min(1),
  archived: z.boolean(),
  partnership_key: z.string(),
  customer: z
    .object({ key: z.string(), email: z.string().nullable(), name: z.string().nullable() })
    .nullable(),
  created_at: z.int().min(0),
  updated_at: z.int().min(0),
});
export type PsAction = z.output<typeof psAction>;

const psEnvelope = <T extends z.ZodType>(data: T) =>
  z.object({ data, message: z.string(), status: z.int() });
export const psActionAnswer = psEnvelope(psAction);
export const psActionList = psEnvelope(
  z.object({ items: z.array(psAction), has_more: z.boolean(), total: z.int().min(0) }),
);
export const psError = z.object({
  message: z.string(),
  status: z.int(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

type Serve = (request: Request) => Promise<Response>;
export type Query = Record<string, string | number | undefined>;

/**
 * A PartnerStack-style client: joins each path onto the base URL (keeping its path prefix, which
 * `new URL(path, base)` would drop), signs with Basic auth and reads every answer through the
 * schema the caller expects — a field missing or of another type fails the test.
 */
export function partnerStackClient(
  baseUrl: string,
  keys: { publicKey: string; secretKey: string },
  serve: Serve,
) {
  const basic = Buffer.from(`${keys.publicKey}:${keys.secretKey}`).toString("base64");
  return async <T extends z.ZodType>(
    method: "GET" | "POST" | "DELETE",
    path: string,
    answer: T,
    options: { query?: Query; body?: unknown } = {},
  ) => {
    const url = new URL(`${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers = new Headers({ authorization: `Basic ${basic}`, accept: "application/json" });
    if (options.body !== undefined) headers.set("content-type", "application/json");
    const response = await serve(
      new Request(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      }),
    );
    return {
      status: response.status,
      headers: response.headers,
      body: answer.parse(await response.json()) as z.output<T>,
    };
  };
}

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/** The routes under test, matched on the full path as Next matches them. */
const ROUTES: [method: string, path: RegExp, route: { on(db: OpenDatabase): Handler }][] = [
  ["GET", /^\/api\/v2\/actions$/, actionsRoute.GET],
  ["POST", /^\/api\/v2\/actions$/, actionsRoute.POST],
  ["DELETE", /^\/api\/v2\/actions\/(?<key>[^/]+)$/, actionRoute.DELETE],
];

/** Serves requests as the deployed app does: route by path, decoded params, the test's database. */
export function deployment(db: OpenDatabase): Serve {
  return async (request) => {
    const { pathname } = new URL(request.url);
    for (const [method, path, route] of ROUTES) {
      const match = path.exec(pathname);
      if (request.method !== method || !match) continue;
      const params = Object.fromEntries(
        Object.entries(match.groups ?? {}).map(([name, value]) => [
          name,
          decodeURIComponent(value),
        ]),
      );
      return route.on(db)(request, { params: Promise.resolve(params) as Promise<never> });
    }
    throw new Error(`No route for ${request.method} ${pathname}`);
  };
}
