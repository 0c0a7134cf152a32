import { useId } from "preact/hooks";

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

const wholeNumber = (input: HTMLInputElement, min: number, max: number): number | null => {
  const value = input.valueAsNumber;
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
};

/** The network view's controls, each labelled; a number out of range is ignored until it is valid. */
export const NetworkControls = ({ value, onChange, error }: NetworkControlsProps) => {
  const id = useId();
  const set = (patch: Partial<NetworkInputs>) => onChange({ ...value, ...patch });
  return (
    <form class="selection" onSubmit={(event) => event.preventDefault()} aria-describedby={`${id}-error`}>
      <label>
        Hashtags shown
        <input
          type="number"
          min={1}
          max={MAX_NETWORK_TOP}
          step={1}
          value={value.top}
          onInput={(event) => {
            const top = wholeNumber(event.currentTarget, 1, MAX_NETWORK_TOP);
            if (top !== null) set({ top });
          }}
        />
      </label>
      <label>
        Minimum posts per link
        <input
          type="number"
          min={1}
          max={MAX_MIN_WEIGHT}
          step={1}
          value={value.minWeight}
          onInput={(event) => {
            const minWeight = wholeNumber(event.currentTarget, 1, MAX_MIN_WEIGHT);
            if (minWeight !== null) set({ minWeight });
          }}
        />
      </label>
      <label>
        From
        <input
          type="date"
          value={value.sinceDay}
          onInput={(event) => set({ sinceDay: event.currentTarget.value })}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={value.untilDay}
          onInput={(event) => set({ untilDay: event.currentTarget.value })}
        />
      </label>
      <p id={`${id}-error`} role="alert" class="error">
        {error ?? ""}
      </p>
    </form>
  );
};
