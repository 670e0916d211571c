"use client";

import { useState } from "react";
import { ChannelFields, type Channel } from "@/components/deliveries/channel-fields";
import type { Audience, ViewChoice } from "@/components/deliveries/form-props";
import { SavedViewField } from "@/components/deliveries/saved-view-field";
import { GridField as Field } from "@/components/deliveries/grid-field";
import { GridFormFooter, shownProblems } from "@/components/deliveries/grid-form-footer";
import { inputClass } from "@/components/ui/styles";
import { WEEKDAYS } from "@/lib/time/schedule-time";
import { useFormAction } from "@/lib/forms/use-form-action";
import { createScheduleAction } from "../actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** "Schedule delivery": which view, when (in the program's zone), which file, to whom. */
export function ScheduleForm({
  slug,
  choice,
  files,
  audience,
}: {
  slug: string;
  choice: ViewChoice;
  files: { file: string; label: string }[];
  audience: Audience;
}) {
  const [frequency, setFrequency] = useState("weekly");
  const [channel, setChannel] = useState<Channel>("email");
  // A saved schedule starts the form again; a refused one keeps what was typed.
  const { state, pending, onSubmit } = useFormAction(createScheduleAction.bind(null, slug), {
    resetOnDone: true,
    onAnswer: (answer) => {
      if (answer.status !== "saved") return;
      setFrequency("weekly");
      setChannel("email");
    },
  });
  const shown = new Set([
    "savedViewId",
    "frequency",
    "time",
    "file",
    "channel",
    frequency === "weekly" ? "weekday" : "monthDay",
    channel === "email" ? "recipients" : "webhookUrl",
  ]);
  const { problem, general } = shownProblems(state, shown);

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
      noValidate
    >
      <UntilHydrated>
        <SavedViewField idPrefix="d" choice={choice} error={problem("savedViewId")} />
        <Field id="d-frequency" label="Repeat" error={problem("frequency")}>
          <select
            id="d-frequency"
            name="frequency"
            value={frequency}
            onChange={(e) => setFrequency(e.target.value)}
            className={inputClass}
          >
            <option value="daily">Every day</option>
            <option value="weekly">Every week</option>
            <option value="monthly">Every month</option>
          </select>
        </Field>
        {frequency === "weekly" && (
          <Field id="d-weekday" label="On" error={problem("weekday")}>
            <select id="d-weekday" name="weekday" defaultValue="1" className={inputClass}>
              {WEEKDAYS.map((day, i) => (
                <option key={day} value={i + 1}>
                  {day}
                </option>
              ))}
            </select>
          </Field>
        )}
        {frequency === "monthly" && (
          <Field
            id="d-month-day"
            label="On day"
            hint="Months without this day use their last day."
            error={problem("monthDay")}
          >
            <select id="d-month-day" name="monthDay" defaultValue="1" className={inputClass}>
              {Array.from({ length: 31 }, (_, i) => (
                <option key={i} value={i + 1}>
                  {i + 1}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id="d-time" label="At (program time)" error={problem("time")}>
          <input
            id="d-time"
            name="time"
            type="time"
            defaultValue="09:00"
            required
            className={inputClass}
          />
        </Field>
        <Field id="d-file" label="File" error={problem("file")}>
          <select id="d-file" name="file" defaultValue="tab.pdf" className={inputClass}>
            {files.map((f) => (
              <option key={f.file} value={f.file}>
                {f.label}
              </option>
            ))}
          </select>
        </Field>
        <ChannelFields
          idPrefix="d"
          channel={channel}
          onChannel={setChannel}
          audience={audience}
          webhookHint="We POST a signed JSON message (Standard Webhooks) with a download link valid for 24 hours. The signing secret appears in the list once saved."
          problem={problem}
        />
        <GridFormFooter
          label="Schedule delivery"
          pendingLabel="Scheduling…"
          pending={pending}
          state={state}
          general={general}
        />
      </UntilHydrated>
    </form>
  );
}
