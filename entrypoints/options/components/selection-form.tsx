import { useId } from "preact/hooks";
import { DayRangeFields, WholeNumberField } from "./form-fields.tsx";

export interface SelectionInputs {
  n: number;
  sinceDay: string;
  untilDay: string;
  text: string;
  coHashtag: string;
}

interface SelectionFormProps {
  value: SelectionInputs;
  onChange: (value: SelectionInputs) => void;
  /** Hashtags to suggest for the co-occurring filter. */
  suggestions: readonly string[];
  error: string | null;
}

export const MAX_TOP_N = 1000;

/** The hashtag view's controls, each labelled; the view re-counts whenever one changes. */
export const SelectionForm = ({ value, onChange, suggestions, error }: SelectionFormProps) => {
  const id = useId();
  const set = (patch: Partial<SelectionInputs>) => onChange({ ...value, ...patch });
  return (
    <form class="selection" onSubmit={(event) => event.preventDefault()} aria-describedby={`${id}-error`}>
      <WholeNumberField label="Top n" min={1} max={MAX_TOP_N} value={value.n} onChange={(n) => set({ n })} />
      <DayRangeFields value={value} onChange={set} />
      <label>
        Posts containing
        <input
          type="search"
          value={value.text}
          onInput={(event) => set({ text: event.currentTarget.value })}
        />
      </label>
      <label>
        With hashtag
        <input
          type="search"
          list={`${id}-hashtags`}
          value={value.coHashtag}
          onInput={(event) => set({ coHashtag: event.currentTarget.value })}
        />
        <datalist id={`${id}-hashtags`}>
          {suggestions.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </label>
      <p id={`${id}-error`} role="alert" class="error">
        {error ?? ""}
      </p>
    </form>
  );
};
