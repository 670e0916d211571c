// Another Actionboard's list API over real HTTP, inside the test process: a node:http server that
// hands each request to the /api/v2 list route handlers over a test's database (`route.on(db)`),
// as the deployed app would. `answerNext` makes it answer the next requests itself (a 429, a 500).
import { createServer } from "node:http";
import * as actionsRoute from "@/app/api/v2/actions/route";
import * as customersRoute from "@/app/api/v2/customers/route";
import * as groupsRoute from "@/app/api/v2/groups/route";
import * as partnershipsRoute from "@/app/api/v2/partnerships/route";
import * as rewardsRoute from "@/app/api/v2/rewards/route";
import type { OpenDatabase } from "@/lib/db/open";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
const LISTS: Record<string, { on(db: OpenDatabase): Handler }> = {
  actions: actionsRoute.GET,
  customers: customersRoute.GET,
  groups: groupsRoute.GET,
  partnerships: partnershipsRoute.GET,
  rewards: rewardsRoute.GET,
};

export interface ApiHttpServer {
  /** The base URL a PartnerStack client is given (with the /api/v2 prefix). */
  baseUrl: string;
  /** Every request's path and query, in order. */
  requests: string[];
  answerNext(n: number, status: number, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startApiHttpServer(db: OpenDatabase): Promise<ApiHttpServer> {
  const requests: string[] = [];
  let canned: { n: number; status: number; headers: Record<string, string> } = {
    n: 0,
    status: 200,
    headers: {},
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(`${url.pathname}${url.search}`);
    if (canned.n > 0) {
      canned.n--;
      res.writeHead(canned.status, { "content-type": "application/json", ...canned.headers });
      res.end(JSON.stringify({ message: `canned ${canned.status}`, status: canned.status }));
      return;
    }
    const route = LISTS[/^\/api\/v2\/([a-z]+)$/.exec(url.pathname)?.[1] ?? ""];
    if (req.method !== "GET" || !route) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const response = await route.on(db)(new Request(url, { headers }), {
      params: Promise.resolve({}) as Promise<never>,
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v2`,
    requests,
    answerNext: (n, status, headers = {}) => void (canned = { n, status, headers }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
