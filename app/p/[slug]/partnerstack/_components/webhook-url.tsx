"use client";

import { useState } from "react";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";

const EVENTS = [
  "partnership_created",
  "partnership_updated",
  "partnership_group_updated",
  "partnership_deleted",
  "partnership.tags_updated",
  "customer_created",
  "customer_updated",
  "customer_deleted",
];

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} mt-0 min-w-0 flex-1 font-mono text-xs`}
        />
        <button
          type="button"
          className={secondaryButtonClass}
          aria-label={`Copy ${label}`}
          onClick={async () => {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}

/**
 * Where PartnerStack sends the program's webhooks, and the secret it sends with each in the
 * `X-Webhook-Secret` header. The secret in the URL (`?secret=`) still works but is deprecated: a
 * URL travels through more logs than a header.
 */
export function WebhookUrl({ url, secret }: { url: string; secret: string }) {
  return (
    <div className="space-y-3">
      <CopyField id="webhook-url" label="Webhook URL" value={url} />
      <CopyField
        id="webhook-secret"
        label="Webhook secret (X-Webhook-Secret header)"
        value={secret}
      />
      <p className="text-xs text-gray-600 dark:text-gray-400">
        Register the URL in PartnerStack’s webhook settings for {EVENTS.join(", ")}, sending the
        secret in an <code>X-Webhook-Secret</code> header. Deliveries without it are refused (401)
        and stored nowhere; every delivery appears in the API log. A sender that cannot set headers
        may append <code>?secret=…</code> to the URL instead (deprecated: kept working, never
        logged).
      </p>
    </div>
  );
}
