import { useId } from "preact/hooks";
import type { PeriodCount, TrendPeriod } from "../../../shared/analysis/hashtag-trends.ts";
import { SERIES_COLOURS } from "../charts/trend-charts.ts";
import { DayRangeFields, WholeNumberField } from "./form-fields.tsx";

export interface TrendsInputs {
  period: TrendPeriod;
  /** Co-hashtags charted and tabled. */
  top: number;
  sinceDay: string;
  untilDay: string;
  /** The periods compared, by first day; "" for the default (the last two). */
  before: string;
  after: string;
}

/** One colour per co-hashtag in the share chart. */
export const MAX_TREND_TOP = SERIES_COLOURS.length;

interface TrendsControlsProps {
  value: TrendsInputs;
  onChange: (value: TrendsInputs) => void;
  /** The periods there are to compare. */
  periods: readonly PeriodCount[];
  error: string | null;
}

const PeriodSelect = ({
  label,
  defaultText,
  value,
  periods,
  onChange,
}: {
  label: string;
  defaultText: string;
  value: string;
  periods: readonly PeriodCount[];
  onChange: (start: string) => void;
}) => (
  <label>
    {label}
    <select value={value} onChange={(event) => onChange(event.currentTarget.value)}>
      <option value="">{defaultText}</option>
      {periods.map((period) => (
        <option key={period.start} value={period.start}>
          {period.start} ({period.posts} posts)
        </option>
      ))}
    </select>
  </label>
);

/** The trends view's controls, each labelled. */
export const TrendsControls = ({ value, onChange, periods, error }: TrendsControlsProps) => {
  const id = useId();
  const set = (patch: Partial<TrendsInputs>) => onChange({ ...value, ...patch });
  return (
    <form class="selection" onSubmit={(event) => event.preventDefault()} aria-describedby={`${id}-error`}>
      <label>
        Period
        <select
          value={value.period}
          // Days and weeks start on different dates, so a chosen comparison does not carry over.
          onChange={(event) =>
            set({ period: event.currentTarget.value as TrendPeriod, before: "", after: "" })
          }
        >
          <option value="day">Day</option>
          <option value="week">Week</option>
        </select>
      </label>
      <WholeNumberField
        label="Co-hashtags"
        min={1}
        max={MAX_TREND_TOP}
        value={value.top}
        onChange={(top) => set({ top })}
      />
      {/* Another range holds other periods, so a chosen comparison does not carry over. */}
      <DayRangeFields value={value} onChange={(patch) => set({ ...patch, before: "", after: "" })} />
      <PeriodSelect
        label="Compare period"
        defaultText="the one before last"
        value={value.before}
        periods={periods}
        onChange={(before) => set({ before })}
      />
      <PeriodSelect
        label="with period"
        defaultText="the last"
        value={value.after}
        periods={periods}
        onChange={(after) => set({ after })}
      />
      <p id={`${id}-error`} role="alert" class="error">
        {error ?? ""}
      </p>
    </form>
  );
};
