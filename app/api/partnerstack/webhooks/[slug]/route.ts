// POST /api/partnerstack/webhooks/{slug}?secret=… — PartnerStack's partnership and customer events
import { createHash, timingSafeEqual } from "node:crypto";
import { asApiError } from "@/lib/api/api-error";
import { apiResponse, handleApiError } from "@/lib/api/envelope";
import { readJsonBody } from "@/lib/api/read-json-body";
import { overDatabase } from "@/lib/db/over-database";
import { DomainError } from "@/lib/errors/domain-error";
import { canNameProgram } from "@/lib/programs/can-name-program";
import { writeIngestLog } from "@/lib/ingest-log/write-ingest-log";
import { unseal } from "@/lib/security/sealed-secret";
import { applyWebhook } from "@/lib/partnerstack/apply-webhook";
import { logger } from "@/lib/observability/logger.mjs";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** The secret a delivery carries: the `secret` query parameter (what a URL registered at
 *  PartnerStack can hold) or an `X-Webhook-Secret` header. */
function sentSecret(request: Request, url: URL): string | null {
  return request.headers.get("x-webhook-secret") ?? url.searchParams.get("secret");
}

const UNAUTHORIZED = new DomainError(
  "unauthenticated",
  "The webhook secret is missing or wrong: use the URL shown in the program's PartnerStack settings.",
);

/**
 * POST /api/partnerstack/webhooks/{slug}?secret=…: one PartnerStack event for the program. A
 * missing or wrong secret (or a program without a connection) is a 401 and stores nothing, not
 * even a log entry; every authenticated delivery is recorded in the program's API log.
 */
export const POST = overDatabase(
  (database) => async (request: Request, route: { params: Promise<{ slug: string }> }) => {
    const url = new URL(request.url);
    const { slug } = await route.params;
    const { prisma } = await database();
    const connection = canNameProgram(slug)
      ? await prisma.partnerStackConnection.findFirst({
          where: { program: { slug } },
          select: { programId: true, webhookSecretSealed: true },
        })
      : null;
    const sent = sentSecret(request, url);
    let expected: string | null = null;
    try {
      expected = connection ? unseal(connection.webhookSecretSealed) : null;
    } catch (error) {
      logger().error({ err: error }, "PartnerStack webhook: the stored secret cannot be opened");
    }
    if (!connection || !sent || !expected || !timingSafeEqual(digest(sent), digest(expected))) {
      return handleApiError(UNAUTHORIZED);
    }
    const log = (status: number, message: string) =>
      writeIngestLog(prisma, {
        programId: connection.programId,
        method: "POST",
        path: url.pathname,
        status,
        message,
      });
    try {
      const result = await applyWebhook(prisma, connection.programId, await readJsonBody(request));
      const message =
        result.outcome === "ignored"
          ? `PartnerStack ${result.event}: not an event Actionboard keeps; ignored.`
          : result.outcome === "stale"
            ? `PartnerStack ${result.event} ${result.key}: older than what is stored (updated_at); ignored.`
            : `PartnerStack ${result.event} ${result.key}: ${result.outcome}.`;
      await log(200, message);
      return apiResponse(result, message);
    } catch (error) {
      const response = handleApiError(error);
      await log(
        response.status,
        `PartnerStack webhook refused: ${asApiError(error)?.message ?? "unexpected error; nothing was stored."}`,
      );
      return response;
    }
  },
);
