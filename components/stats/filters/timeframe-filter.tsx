import { Field, type DraftProps } from "./filter-field";
import { TimeframeControl } from "./timeframe-control";

/**
 * The timeframe, in the program's zone. `onValidity` tells the bar whether the controls describe
 * a timeframe (Reload waits for one); the draft keeps the last valid one.
 */
export function TimeframeFilter({
  draft,
  set,
  timezone,
  onValidity,
}: DraftProps & { timezone: string; onValidity: (valid: boolean) => void }) {
  return (
    <Field label={`Timeframe (${timezone})`} wide>
      <TimeframeControl
        value={draft.timeframe}
        onChange={(timeframe) => {
          onValidity(timeframe !== null);
          if (timeframe) set({ timeframe });
        }}
      />
    </Field>
  );
}
