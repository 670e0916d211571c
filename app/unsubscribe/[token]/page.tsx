import { notFound } from "next/navigation";
import { deliverySecret } from "@/lib/deliveries/delivery-secret";
import { getDatabase } from "@/lib/db/client";
import { readUnsubscribeLink } from "@/lib/deliveries/delivery-links";
import { loadSubscription } from "@/lib/deliveries/subscription";
import { buttonClass } from "@/components/ui/styles";

export const metadata = { title: "Unsubscribe · Actionboard" };

/** Signed out: the emailed link names one recipient of one schedule or alert; a button confirms. */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const link = readUnsubscribeLink(token, deliverySecret());
  if (!link) notFound();
  const { prisma } = await getDatabase();
  const subscription = await loadSubscription(prisma, link.of);
  const subscribed = subscription?.recipients.includes(link.recipient) ?? false;
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <h1 className="text-xl font-semibold">Unsubscribe</h1>
      {!subscription ? (
        <p className="mt-4">This delivery no longer exists: nothing more will be sent.</p>
      ) : !subscribed ? (
        <p className="mt-4" role="status">
          {query.done ? "Done: " : ""}
          <strong>{link.recipient}</strong> no longer receives {subscription.received} from{" "}
          {subscription.programName}. Other deliveries are unchanged.
        </p>
      ) : (
        <form method="post" action={`/unsubscribe/${token}/one-click`} className="mt-4 space-y-4">
          <input type="hidden" name="from" value="page" />
          <p>
            Stop sending {subscription.sent} from {subscription.programName} to{" "}
            <strong>{link.recipient}</strong>? Other deliveries and other recipients are unchanged.
          </p>
          <button type="submit" className={buttonClass}>
            Unsubscribe
          </button>
        </form>
      )}
    </main>
  );
}
