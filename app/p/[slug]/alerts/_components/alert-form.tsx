"use client";

import { useState } from "react";
import { ChannelFields, type Channel } from "@/components/deliveries/channel-fields";
import type { Audience, ViewChoice } from "@/components/deliveries/form-props";
import { SavedViewField } from "@/components/deliveries/saved-view-field";
import { GridField as Field } from "@/components/deliveries/grid-field";
import { GridFormFooter, shownProblems } from "@/components/deliveries/grid-form-footer";
import { inputClass } from "@/components/ui/styles";
import { UntilHydrated } from "@/components/ui/until-hydrated";
import { SENSITIVITIES } from "@/lib/alerts/judge";
import { useFormAction } from "@/lib/forms/use-form-action";
import { createAlertAction } from "../actions";

type Condition = "above" | "below" | "unusual";

/** "New alert": which view, which number, for what, when it is out of range, how often, to whom. */
export function AlertForm({
  slug,
  choice,
  actionTypes,
  currency,
  timezone,
  audience,
}: {
  slug: string;
  choice: ViewChoice;
  actionTypes: { id: number; name: string }[];
  currency: string;
  timezone: string;
  audience: Audience;
}) {
  const [metric, setMetric] = useState("occurrences");
  const [condition, setCondition] = useState<Condition>("unusual");
  const [channel, setChannel] = useState<Channel>("email");
  const { state, pending, onSubmit } = useFormAction(createAlertAction.bind(null, slug), {
    resetOnDone: true,
    onAnswer: (answer) => {
      if (answer.status !== "saved") return;
      setMetric("occurrences");
      setCondition("unusual");
      setChannel("email");
    },
  });
  const shown = new Set([
    "savedViewId",
    "metric",
    "per",
    "condition",
    "frequency",
    "channel",
    ...(metric === "type" ? ["actionTypeId"] : []),
    condition === "unusual" ? "sensitivity" : "threshold",
    channel === "email" ? "recipients" : "webhookUrl",
  ]);
  const { problem, general } = shownProblems(state, shown);

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
      noValidate
      aria-label="New alert"
    >
      <UntilHydrated>
        <SavedViewField idPrefix="a" choice={choice} error={problem("savedViewId")} />
        <Field id="a-metric" label="Number" error={problem("metric")}>
          <select
            id="a-metric"
            name="metric"
            value={metric}
            onChange={(e) => setMetric(e.target.value)}
            className={inputClass}
          >
            <option value="occurrences">Occurrences</option>
            <option value="rewards">Rewards ({currency})</option>
            <option value="type" disabled={actionTypes.length === 0}>
              One action type’s occurrences
            </option>
          </select>
        </Field>
        {metric === "type" && (
          <Field id="a-type" label="Action type" error={problem("actionTypeId")}>
            <select id="a-type" name="actionTypeId" className={inputClass}>
              {actionTypes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field
          id="a-per"
          label="For"
          hint="Per partner or group: each one is watched on its own and named when it fires."
          error={problem("per")}
        >
          <select id="a-per" name="per" defaultValue="view" className={inputClass}>
            <option value="view">The whole view</option>
            <option value="partner">Each partner</option>
            <option value="group">Each group</option>
          </select>
        </Field>
        <Field id="a-condition" label="Fires when it is" error={problem("condition")}>
          <select
            id="a-condition"
            name="condition"
            value={condition}
            onChange={(e) => setCondition(e.target.value as Condition)}
            className={inputClass}
          >
            <option value="unusual">Away from its usual level</option>
            <option value="above">Above a value</option>
            <option value="below">Below a value</option>
          </select>
        </Field>
        {condition === "unusual" ? (
          <Field
            id="a-sensitivity"
            label="Sensitivity"
            hint="The usual level is the mean of the same hour (or weekday) in the 4 weeks before; it fires outside the mean ± this many spreads (the weeks’ standard deviation, at least √mean and 1)."
            error={problem("sensitivity")}
          >
            <select id="a-sensitivity" name="sensitivity" defaultValue="3" className={inputClass}>
              {SENSITIVITIES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.name[0].toUpperCase() + s.name.slice(1)} — {s.value} spreads
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <Field id="a-threshold" label="Value" error={problem("threshold")}>
            <input
              id="a-threshold"
              name="threshold"
              type="number"
              min={0}
              step="any"
              inputMode="decimal"
              className={inputClass}
            />
          </Field>
        )}
        <Field
          id="a-frequency"
          label="Checked"
          hint={`Over the hour or day just ended, in the program’s zone (${timezone}).`}
          error={problem("frequency")}
        >
          <select id="a-frequency" name="frequency" defaultValue="daily" className={inputClass}>
            <option value="hourly">Every hour</option>
            <option value="daily">Every day</option>
          </select>
        </Field>
        <ChannelFields
          idPrefix="a"
          channel={channel}
          onChannel={setChannel}
          audience={audience}
          webhookHint="We POST a signed JSON message (Standard Webhooks): alert.fired with the number, its expected range, the chart link and what moved it; alert.recovered when it is back. The signing secret appears in the list once saved."
          problem={problem}
        />
        <GridFormFooter
          label="Save alert"
          pendingLabel="Saving…"
          pending={pending}
          state={state}
          general={general}
        />
      </UntilHydrated>
    </form>
  );
}
