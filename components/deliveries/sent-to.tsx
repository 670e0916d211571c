import { stacked } from "@/components/ui/stacked-table";
import { tdClass } from "@/components/ui/styles";
import { SECRET_KEY_CHANGED } from "@/lib/config/setup-hints";
import { webhookHost } from "./webhook-host";

/** Where a schedule or an alert sends its messages, as its row holds it. */
interface Destination {
  channel: "email" | "webhook";
  recipients: string[];
  webhookUrl: string | null;
  /** Opened for its row; null when the server's key cannot open it. */
  webhookSecret: string | null;
}

/**
 * Where a schedule's or an alert's messages go: its recipients, or its webhook — the whole URL and
 * the signing secret for owners and managers, the host alone for others.
 */
function SentTo({
  to: { channel, recipients, webhookUrl, webhookSecret },
  canManageAll,
}: {
  to: Destination;
  canManageAll: boolean;
}) {
  if (channel === "email") {
    return recipients.length ? (
      recipients.join(", ")
    ) : (
      <span className="text-gray-500">Nobody (everyone unsubscribed)</span>
    );
  }
  return (
    <>
      Webhook{" "}
      <span className="font-mono text-xs break-all">
        {canManageAll ? webhookUrl : webhookHost(webhookUrl)}
      </span>
      {canManageAll && (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-blue-600">Signing secret</summary>
          <code className="break-all">{webhookSecret ?? SECRET_KEY_CHANGED}</code>
        </details>
      )}
    </>
  );
}

/** The "Sent to" cell of the schedules' and alerts' tables (a card's line on a phone). */
export function SentToCell({ to, canManageAll }: { to: Destination; canManageAll: boolean }) {
  return (
    <td data-label="Sent to" className={`${tdClass} max-w-xs break-words ${stacked.cell}`}>
      <SentTo to={to} canManageAll={canManageAll} />
    </td>
  );
}
