// POST /unsubscribe/{token}/one-click — removes one recipient from one schedule or alert: mail clients'
// one-click unsubscribe (RFC 8058) and the button of the unsubscribe page (signed out).
// GET (a client that opens the header's link) shows the page that asks first.
import { deliverySecret } from "@/lib/deliveries/delivery-secret";
import { overDatabase } from "@/lib/db/over-database";
import { readUnsubscribeLink } from "@/lib/deliveries/delivery-links";
import { removeRecipient } from "@/lib/deliveries/subscription";

export const runtime = "nodejs";

export const POST = overDatabase(
  (database) =>
    async (request: Request, { params }: { params: Promise<{ token: string }> }) => {
      const [{ token }, { prisma }] = await Promise.all([params, database()]);
      const link = readUnsubscribeLink(token, deliverySecret());
      if (!link) return new Response("This unsubscribe link is not valid.", { status: 404 });
      await removeRecipient(prisma, link.of, link.recipient);
      // The page's own form comes back to the page; a mail client gets a plain answer.
      const form = await request.formData().catch(() => null);
      if (form?.get("from") === "page") {
        return seeOther(`/unsubscribe/${token}?done=1`);
      }
      return new Response("Unsubscribed.", {
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    },
);

export function GET(request: Request) {
  return seeOther(new URL(request.url).pathname.replace(/\/one-click$/, ""));
}

// A relative Location: behind a proxy the request's own URL names the internal host.
const seeOther = (path: string) => new Response(null, { status: 303, headers: { Location: path } });
