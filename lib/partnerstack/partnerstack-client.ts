// A client for PartnerStack's v2 API (and Actionboard's, which speaks it): HTTP Basic with the
// program's public and secret key, PartnerStack's envelope read through zod, list endpoints
// walked with cursor paging. The importer of issue 14 reads a program through it.
import { z } from "zod";
import { outboundGet } from "../security/outbound-get";
import { privateSourcesAllowed } from "./source-address";
import { logger } from "../observability/logger.mjs";

export { PARTNERSTACK_BASE_URL } from "./base-url";
export const PAGE_SIZE = 250;

export interface PartnerStackKeys {
  publicKey: string;
  secretKey: string;
}

export interface ClientOptions {
  /** Where to wait (tests pass a recorder); default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Failed requests (network, 5xx) tried again this many times, with backoff. */
  retries?: number;
  /** Told of every wait for a 429 (progress output). */
  onRateLimited?: (waitMs: number) => void;
  /** May it reach private addresses? Default: PARTNERSTACK_PRIVATE=allow (tests pass true). */
  allowPrivate?: boolean;
}

/** A refusal the source gave (4xx other than 429), or a failure retries did not cure. */
export class PartnerStackError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

const envelope = <T extends z.ZodType>(data: T) =>
  z.object({ data, message: z.string().optional(), status: z.int().optional() });
const page = <T extends z.ZodType>(item: T) =>
  envelope(z.object({ items: z.array(item), has_more: z.boolean() }));

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds (or an HTTP date) of a Retry-After header, in ms; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 300) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.min(Math.max(date - now, 0), 300_000);
}

export function partnerStackClient(
  baseUrl: string,
  keys: PartnerStackKeys,
  options: ClientOptions = {},
) {
  const sleep = options.sleep ?? sleepFor;
  const retries = options.retries ?? 3;
  const authorization = `Basic ${Buffer.from(`${keys.publicKey}:${keys.secretKey}`).toString("base64")}`;
  const root = baseUrl.replace(/\/+$/, "");
  const allowPrivate = options.allowPrivate ?? privateSourcesAllowed();

  /** GET one path: waits out 429s (not failures), retries network errors and 5xx. */
  async function get(path: string, query: Record<string, string | number | undefined>) {
    // Joined by hand: `new URL(path, base)` would drop the base's path prefix (/api/v2).
    const url = new URL(`${root}/${path.replace(/^\/+/, "")}`);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    for (let failures = 0; ;) {
      let response: Response;
      try {
        response = await outboundGet(
          url,
          // The lists' totals go unread: an Actionboard source estimates them instead of counting
          // the whole list for every page (PartnerStack ignores the preference).
          { authorization, accept: "application/json", prefer: "count=planned" },
          { allowPrivate },
        );
      } catch (error) {
        // One reason for every connection failure: the owner learns nothing of the network
        // behind the name (refused or filtered ports, internal answers); operators get the log.
        const code = (error as { code?: string }).code;
        if (code === "EPRIVATE") {
          throw new PartnerStackError(
            `${url.host} is or resolves to a private address: imports read only from public ones (PARTNERSTACK_PRIVATE=allow on closed networks).`,
            null,
          );
        }
        if (++failures > retries) {
          logger().warn(`PartnerStack source ${url.host}: ${code ?? ""} ${String(error)}`);
          throw new PartnerStackError(
            `${url.host} could not be reached (could not connect, or no answer in time).`,
            null,
          );
        }
        await sleep(500 * 2 ** failures);
        continue;
      }
      if (response.status === 429) {
        const wait = retryAfterMs(response.headers.get("retry-after"));
        await response.body?.cancel();
        options.onRateLimited?.(wait);
        await sleep(wait);
        continue;
      }
      if (response.status >= 500 && ++failures <= retries) {
        await response.body?.cancel();
        await sleep(500 * 2 ** failures);
        continue;
      }
      if (response.status >= 300 && response.status < 400) {
        // Never followed: a redirect could point anywhere, loopback included.
        await response.body?.cancel();
        throw new PartnerStackError(
          `GET ${url.pathname} answered ${response.status} (a redirect, not followed): give the API's own address as the base URL.`,
          response.status,
        );
      }
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const message = z.object({ message: z.string() }).safeParse(body);
        throw new PartnerStackError(
          `GET ${url.pathname} answered ${response.status}${message.success ? `: ${message.data.message}` : ""}`,
          response.status,
        );
      }
      return body;
    }
  }

  return {
    /** One small list call: do these keys open this API? Throws PartnerStackError if not. */
    async check(): Promise<void> {
      const body = await get("groups", { limit: 1 });
      const parsed = page(z.unknown()).safeParse(body);
      if (!parsed.success) {
        throw new PartnerStackError(
          `${root} did not answer as PartnerStack's v2 API does (GET groups gave no list).`,
          200,
        );
      }
    },

    /**
     * Every item of a list endpoint from `after` on (a key; undefined = the start), page by page
     * (`limit=250`, `starting_after`): `onPage` gets each page and the cursor after it, so a
     * caller can keep a checkpoint and resume. Items are read through `item`.
     */
    async listAll<T extends z.ZodType<{ key: string }>>(
      path: string,
      item: T,
      options: {
        after?: string;
        query?: Record<string, string | number | undefined>;
        onPage: (items: z.output<T>[], cursor: string | undefined) => Promise<void>;
      },
    ): Promise<void> {
      const read = async (after: string | undefined) => {
        const body = await get(path, { ...options.query, limit: PAGE_SIZE, starting_after: after });
        const parsed = page(item).safeParse(body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new PartnerStackError(
            `GET ${path}: unexpected answer at ${issue.path.join(".") || "(root)"}: ${issue.message}`,
            200,
          );
        }
        const { items, has_more } = parsed.data.data;
        return { items, more: has_more && items.length > 0, after: items.at(-1)?.key ?? after };
      };
      let next = read(options.after);
      for (;;) {
        const current = await next;
        // The next page is asked for while this one is stored: the source and the database
        // work at the same time. One page ahead at most; if storing fails, it is dropped.
        if (current.more) {
          next = read(current.after);
          next.catch(() => {});
        }
        await options.onPage(current.items, current.after);
        if (!current.more) return;
      }
    },
  };
}
