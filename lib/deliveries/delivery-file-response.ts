import "server-only";
import { exportErrorPage } from "../exports/export-error-page";
import { attachmentHeaders } from "../exports/format-export";
import type { PrismaClient } from "../generated/prisma/client";
import { readFileLink } from "./delivery-links";

const gone = (message: string, status = 410) =>
  exportErrorPage(status, message, "/", "Open Actionboard");

/**
 * A webhook delivery's file by its signed link, signed out: the link is the permission, so a
 * link this server did not sign is a 404 and an expired one a 410, whatever the database holds.
 */
export async function deliveryFileResponse(
  prisma: PrismaClient,
  token: string,
  secret: string,
  now: number,
): Promise<Response> {
  const link = readFileLink(token, secret);
  if (!link) return gone("This download link is not valid.", 404);
  if (link.expiresAt <= now) {
    return gone(
      "This download link has expired. Ask for a new delivery (“Send now” on the Deliveries page).",
    );
  }
  const file = await prisma.deliveryFile.findUnique({
    where: { programId_deliveryId: { programId: link.programId, deliveryId: link.deliveryId } },
  });
  if (!file || file.expiresAt.getTime() <= now) {
    return gone(
      "This delivery's file is no longer kept. Ask for a new delivery (“Send now” on the Deliveries page).",
    );
  }
  return new Response(new Uint8Array(file.content), {
    headers: attachmentHeaders(file.name, file.contentType),
  });
}
