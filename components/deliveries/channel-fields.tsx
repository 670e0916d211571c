"use client";

import { inputClass } from "@/components/ui/styles";
import { GridField } from "./grid-field";
import type { Audience } from "./form-props";

export type Channel = "email" | "webhook";

/**
 * Where a schedule's or an alert's messages go: email to members (and, for owners and managers,
 * addresses on the allowed domains) or a signed webhook (owners and managers).
 */
export function ChannelFields({
  idPrefix,
  channel,
  onChannel,
  audience: { outside, members, domains, me },
  webhookHint,
  problem,
}: {
  idPrefix: string;
  channel: Channel;
  onChannel: (channel: Channel) => void;
  audience: Audience;
  webhookHint: string;
  problem: (field: string) => string | undefined;
}) {
  return (
    <>
      <fieldset className="sm:col-span-2 lg:col-span-3">
        <legend className="text-sm font-medium">Send by</legend>
        <div className="mt-1 flex gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name="channel"
              value="email"
              checked={channel === "email"}
              onChange={() => onChannel("email")}
            />
            Email
          </label>
          <label className={`flex items-center gap-1.5 ${outside ? "" : "text-gray-400"}`}>
            <input
              type="radio"
              name="channel"
              value="webhook"
              disabled={!outside}
              checked={channel === "webhook"}
              onChange={() => onChannel("webhook")}
            />
            Webhook{!outside && " (owners and managers)"}
          </label>
        </div>
        {problem("channel") && (
          <p id={`${idPrefix}-channel-error`} role="alert" className="mt-1 text-sm text-red-600">
            {problem("channel")}
          </p>
        )}
      </fieldset>
      {channel === "email" ? (
        <GridField
          id={`${idPrefix}-recipients`}
          label="Recipients"
          wide
          hint={
            outside
              ? `Members of the program${domains.length ? `, or addresses on ${domains.join(", ")}` : ""}. Separate addresses with commas or new lines.`
              : "Members of the program. Separate addresses with commas or new lines."
          }
          error={problem("recipients")}
        >
          <textarea
            id={`${idPrefix}-recipients`}
            name="recipients"
            rows={2}
            defaultValue={me}
            className={inputClass}
          />
          <details className="mt-1 text-xs text-gray-600 dark:text-gray-400">
            <summary className="cursor-pointer">Members ({members.length})</summary>
            <p className="mt-1 break-words">{members.join(", ")}</p>
          </details>
        </GridField>
      ) : (
        <GridField
          id={`${idPrefix}-webhook`}
          label="Webhook URL"
          wide
          hint={webhookHint}
          error={problem("webhookUrl")}
        >
          <input
            id={`${idPrefix}-webhook`}
            name="webhookUrl"
            type="url"
            placeholder="https://"
            className={inputClass}
          />
        </GridField>
      )}
    </>
  );
}
