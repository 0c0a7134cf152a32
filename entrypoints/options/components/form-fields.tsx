/** A labelled whole-number input; a value out of [min, max] is ignored until the user makes it valid. */
export const WholeNumberField = ({
  label,
  min,
  max,
  value,
  onChange,
}: {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) => (
  <label>
    {label}
    <input
      type="number"
      min={min}
      max={max}
      step={1}
      value={value}
      onInput={(event) => {
        const next = event.currentTarget.valueAsNumber;
        if (Number.isInteger(next) && next >= min && next <= max) onChange(next);
      }}
    />
  </label>
);

export interface DayRange {
  /** YYYY-MM-DD or "" for open. */
  sinceDay: string;
  untilDay: string;
}

/** The "From" and "To" day inputs every view's date range uses. */
export const DayRangeFields = ({
  value,
  onChange,
}: {
  value: DayRange;
  onChange: (patch: Partial<DayRange>) => void;
}) => (
  <>
    <label>
      From
      <input
        type="date"
        value={value.sinceDay}
        onInput={(event) => onChange({ sinceDay: event.currentTarget.value })}
      />
    </label>
    <label>
      To
      <input
        type="date"
        value={value.untilDay}
        onInput={(event) => onChange({ untilDay: event.currentTarget.value })}
      />
    </label>
  </>
);
