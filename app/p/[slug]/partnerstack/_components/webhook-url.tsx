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

/** The program's webhook URL (its secret included) to register at PartnerStack, with a copy button. */
export function WebhookUrl({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <label htmlFor="webhook-url" className="block font-medium">
        Webhook URL
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="webhook-url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClass} mt-0 min-w-0 flex-1 font-mono text-xs`}
        />
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy URL"}
        </button>
      </div>
      <p className="mt-1 text-xs text-gray-600 dark:text-gray-400">
        Register it in PartnerStack’s webhook settings for {EVENTS.join(", ")}. It carries this
        program’s secret: deliveries without it are refused (401) and stored nowhere. Every delivery
        appears in the API log.
      </p>
    </div>
  );
}
