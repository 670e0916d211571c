import { config } from "@/lib/config/config.mjs";
import { EMAIL_NOT_SET_UP } from "@/lib/config/setup-hints";

/** Until email is set up, says that email `kind` ("deliveries", "alerts") fail and webhooks work. */
export function EmailSetUpNote({ kind }: { kind: string }) {
  if (config().SMTP_URL) return null;
  return (
    <p
      role="note"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      Email {kind} fail until email is set up; webhook {kind} work. {EMAIL_NOT_SET_UP}
    </p>
  );
}
