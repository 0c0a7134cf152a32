import { useId } from "preact/hooks";
import { DayRangeFields, WholeNumberField } from "./form-fields.tsx";

export interface NetworkInputs {
  top: number;
  minWeight: number;
  sinceDay: string;
  untilDay: string;
}

export const MAX_NETWORK_TOP = 500;
export const MAX_MIN_WEIGHT = 1_000_000;

interface NetworkControlsProps {
  value: NetworkInputs;
  onChange: (value: NetworkInputs) => void;
  error: string | null;
}

/** The network view's controls, each labelled; a number out of range is ignored until it is valid. */
export const NetworkControls = ({ value, onChange, error }: NetworkControlsProps) => {
  const id = useId();
  const set = (patch: Partial<NetworkInputs>) => onChange({ ...value, ...patch });
  return (
    <form class="selection" onSubmit={(event) => event.preventDefault()} aria-describedby={`${id}-error`}>
      <WholeNumberField
        label="Hashtags shown"
        min={1}
        max={MAX_NETWORK_TOP}
        value={value.top}
        onChange={(top) => set({ top })}
      />
      <WholeNumberField
        label="Minimum posts per link"
        min={1}
        max={MAX_MIN_WEIGHT}
        value={value.minWeight}
        onChange={(minWeight) => set({ minWeight })}
      />
      <DayRangeFields value={value} onChange={set} />
      <p id={`${id}-error`} role="alert" class="error">
        {error ?? ""}
      </p>
    </form>
  );
};
