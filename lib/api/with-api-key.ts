import "server-only";
import { authenticateApiKey, type ApiPrincipal } from "../api-keys/authenticate-api-key";
import {
  ingestLogOfInserted,
  pruneIngestLogSometimes,
  writeIngestLog,
} from "../ingest-log/write-ingest-log";
import type { Prisma } from "../generated/prisma/client";
import { overDatabase } from "../db/over-database";
import { logger } from "../observability/logger.mjs";
import { overTabSources, type TabSources } from "../stats/sources";
import type { OpenDatabase } from "../db/open";
import type { PrismaClient } from "../generated/prisma/client";
import { DomainError, invalidFields } from "../errors/domain-error";
import { externalKey } from "../validation/fields";
import { apiErrorOf, asApiError } from "./api-error";
import { countKeyRequest, countWrongSecret, namedPublicKey } from "./api-rate-limits";
import { apiErrorResponse, handleApiError } from "./envelope";
import type { FieldWarning } from "../schemas/common";

interface ApiContext<P> extends ApiPrincipal {
  /** The database this request reads and writes (obtained once, here). */
  prisma: PrismaClient;
  /** The same database, for plain SQL on the ingestion hot path. */
  db: OpenDatabase;
  /** The database and the engine that counts, for the statistics layer (opened when asked). */
  sources: () => Promise<TabSources>;
  request: Request;
  url: URL;
  params: P;
  /** What the ingest log should say about an accepted request. */
  note: {
    message?: string;
    actionKey?: string | null;
    /** Fields of the body that were ignored: the answer and the log entry list them. */
    warnings: FieldWarning[];
    /** The handler's own write stored the log row (`logOfInserted`): the wrapper writes none. */
    logged?: boolean;
  };
  /**
   * This request's log row for an accepted request (status 200, `message` with the ignored
   * fields), for the statement that stores its one action to write too (`ingestLogOfInserted`).
   * A handler that had it stored sets `note.logged`.
   */
  logOfInserted: (message: string) => Prisma.Sql;
}

/** The log entry's message, naming the fields the request sent and this API ignored. */
function logMessage(message: string, warnings: FieldWarning[]) {
  if (warnings.length === 0) return message;
  const fields = warnings.map((w) => JSON.stringify(w.field)).join(", ");
  return `${message} (ignored unknown fields: ${fields})`;
}

type Handler<P> = (context: ApiContext<P>) => Promise<Response>;

/**
 * The one wrapper for public API routes: applies the rate limits, authenticates the key, resolves
 * the program, runs the handler, maps errors to status codes and writes the ingest log — for every
 * request it can attribute to a program, accepted or rejected (failed authentications and
 * rate-limit refusals once per window). `.on(db)` is the same route over a test's database,
 * `.on(db, sources)` also counted by that test's engine (else the process's).
 */
export function withApiKey<P extends Record<string, string> = Record<string, never>>(
  handler: Handler<P>,
) {
  const over = (sourcesOf: (db: OpenDatabase) => Promise<TabSources>) =>
    overDatabase((database) => async (request: Request, route: { params: Promise<P> }) => {
      const url = new URL(request.url);
      const db = await database();
      const { prisma } = db;
      const log = (programId: number, status: number, message: string, actionKey?: string | null) =>
        writeIngestLog(db.sql, {
          programId,
          method: request.method,
          path: url.pathname + url.search,
          status,
          message,
          actionKey,
        });

      const publicKey = namedPublicKey(request);
      const auth = await authenticateApiKey(db, request).catch((error: unknown) => ({
        ok: false as const,
        error:
          error instanceof DomainError
            ? error
            : new DomainError("unauthenticated", "Could not verify the API key."),
        programId: undefined,
      }));
      if (!auth.ok) {
        const failure = publicKey
          ? await countWrongSecret(prisma, publicKey)
          : { logNote: "", tooMany: null };
        if (auth.programId !== undefined && failure.logNote !== null) {
          await log(auth.programId, 401, auth.error.message + failure.logNote);
        }
        return apiErrorResponse(failure.tooMany ?? apiErrorOf(auth.error));
      }
      const throttled = await countKeyRequest(db, auth.principal.apiKeyId);
      if (throttled) {
        if (throttled.first) await log(auth.principal.program.id, 429, throttled.error.message);
        return apiErrorResponse(throttled.error);
      }
      // Next passes no params for routes without dynamic segments.
      const params = ((await route?.params) ?? {}) as P;
      // Path keys are text like body keys: the same limits, so a bad one is a 422, not a 500.
      for (const [field, value] of Object.entries(params)) {
        const checked = externalKey.safeParse(value);
        if (!checked.success) {
          const error = invalidFields([{ field, message: checked.error.issues[0].message }]);
          await log(auth.principal.program.id, 422, error.message);
          return apiErrorResponse(apiErrorOf(error));
        }
      }
      const note: ApiContext<P>["note"] = { warnings: [] };
      const logOfInserted = (message: string) =>
        ingestLogOfInserted({
          programId: auth.principal.program.id,
          method: request.method,
          path: url.pathname + url.search,
          status: 200,
          message: logMessage(message, note.warnings),
        });
      const sources = () => sourcesOf(db);
      const context: ApiContext<P> = {
        ...auth.principal,
        prisma,
        db,
        sources,
        request,
        url,
        params,
        note,
        logOfInserted,
      };
      let response: Response;
      try {
        response = await handler(context);
      } catch (error) {
        response = handleApiError(error, note.warnings);
        const message = asApiError(error)?.message ?? "Internal error";
        await log(
          auth.principal.program.id,
          response.status,
          logMessage(message, note.warnings),
          note.actionKey,
        );
        return response;
      }
      if (note.logged) {
        await pruneIngestLogSometimes(db.sql, auth.principal.program.id).catch((error: unknown) =>
          logger().error({ err: error }, "Could not prune the ingest log"),
        );
        return response;
      }
      await log(
        auth.principal.program.id,
        response.status,
        logMessage(note.message ?? "OK", note.warnings),
        note.actionKey,
      );
      return response;
    });
  return overTabSources<(request: Request, route: { params: Promise<P> }) => Promise<Response>>(
    over,
  );
}
