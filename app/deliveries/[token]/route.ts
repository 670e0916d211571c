// GET /deliveries/{token} — a webhook delivery's file by its signed, short-lived link (signed out)
import { deliverySecret } from "@/lib/deliveries/delivery-secret";
import { overDatabase } from "@/lib/db/over-database";
import { deliveryFileResponse } from "@/lib/deliveries/delivery-file-response";

export const runtime = "nodejs";

export const GET = overDatabase(
  (database) =>
    async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
      const [{ token }, { prisma }] = await Promise.all([params, database()]);
      return deliveryFileResponse(prisma, token, deliverySecret(), Date.now());
    },
);
