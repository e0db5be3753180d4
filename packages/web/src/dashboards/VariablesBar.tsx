import type { DashboardVariable } from '@sightline/contract';
import { variableChoices } from './dashboard-variables.ts';

/** One selector per dashboard variable: the values of its label among its metric's series. */
export function VariablesBar({
  variables,
  options,
  values,
  loading,
  onChange,
}: {
  readonly variables: readonly DashboardVariable[];
  readonly options: Readonly<Record<string, readonly string[] | undefined>>;
  /** The URL's choices; a variable without one means all of its values. */
  readonly values: Readonly<Record<string, string>>;
  readonly loading: boolean;
  readonly onChange: (name: string, value: string) => void;
}) {
  return (
    <div className="dash-variables" role="group" aria-label="Dashboard variables">
      {variables.map((variable) => {
        const value = values[variable.name];
        const choices = variableChoices(options[variable.name], value);
        const id = `dash-var-${variable.name}`;
        return (
          <span className="dash-variable" key={variable.name}>
            <label htmlFor={id}>{variable.label}</label>
            <select
              id={id}
              value={value ?? ''}
              className={value === undefined ? undefined : 'is-active'}
              title={`Values of ${variable.labelKey} in ${variable.metric}`}
              onChange={(event) => onChange(variable.name, event.target.value)}
            >
              <option value="">{loading && choices.length === 0 ? 'All (loading…)' : 'All'}</option>
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          </span>
        );
      })}
    </div>
  );
}
