import { notFound } from "next/navigation";
import { deliverySecret } from "@/lib/deliveries/delivery-secret";
import { getDatabase } from "@/lib/db/client";
import { readUnsubscribeLink } from "@/lib/deliveries/delivery-links";
import { buttonClass } from "@/components/ui/styles";

export const metadata = { title: "Unsubscribe · Actionboard" };

/** Signed out: the emailed link names one recipient of one schedule; a button confirms. */
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
  const schedule = await prisma.deliverySchedule.findUnique({
    where: { programId_id: { programId: link.programId, id: link.scheduleId } },
    select: {
      recipients: true,
      savedView: { select: { name: true } },
      program: { select: { name: true } },
    },
  });
  const subscribed = schedule?.recipients.includes(link.recipient) ?? false;
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <h1 className="text-xl font-semibold">Unsubscribe</h1>
      {!schedule ? (
        <p className="mt-4">This delivery no longer exists: nothing more will be sent.</p>
      ) : !subscribed ? (
        <p className="mt-4" role="status">
          {query.done ? "Done: " : ""}
          <strong>{link.recipient}</strong> no longer receives “{schedule.savedView.name}” from{" "}
          {schedule.program.name}. Other deliveries are unchanged.
        </p>
      ) : (
        <form method="post" action={`/unsubscribe/${token}/one-click`} className="mt-4 space-y-4">
          <input type="hidden" name="from" value="page" />
          <p>
            Stop sending the scheduled delivery “{schedule.savedView.name}” from{" "}
            {schedule.program.name} to <strong>{link.recipient}</strong>? Other deliveries and other
            recipients are unchanged.
          </p>
          <button type="submit" className={buttonClass}>
            Unsubscribe
          </button>
        </form>
      )}
    </main>
  );
}
