import type { ReactNode } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import type { ApiState } from '../hooks/use-api.ts';

export interface ListPageProps {
  /** The page's own class, beside `page-body`. */
  readonly className: string;
  /** The list's request: its loading note, its error (with a retry), the empty text once it answered. */
  readonly list: ApiState<unknown>;
  /** What the list holds in a few words (none before it loaded). */
  readonly summary: string | undefined;
  /** More on the toolbar, after the summary. */
  readonly note?: ReactNode;
  readonly newLabel: string;
  /** Opens the form for a new item; none while a form is open, which hides the button. */
  readonly onNew: (() => void) | undefined;
  /** The open form, if any, above the list. */
  readonly form: ReactNode;
  readonly errorTitle: string;
  /** More notices under the list's error. */
  readonly notices?: ReactNode;
  readonly label: string;
  readonly empty: string;
  readonly tableLabel: string;
  readonly tableClassName: string;
  readonly columns: readonly string[];
  readonly count: number;
  /** The table's rows. */
  readonly children: ReactNode;
}

/** A settings-like list page: toolbar (summary, New), the form, the list's errors, then the table or its empty text. */
export function ListPage(props: ListPageProps) {
  const { list } = props;
  return (
    <div className={`page-body ${props.className}`}>
      <div className="toolbar">
        <span className="alert-list-summary" role="status">
          {props.summary}
        </span>
        {list.loading && list.data === undefined && <LoadingNote />}
        {props.note}
        {props.onNew !== undefined && (
          <button type="button" className="btn btn-primary toolbar-end" onClick={props.onNew}>
            {props.newLabel}
          </button>
        )}
      </div>

      {props.form}

      {list.error !== undefined && <ErrorNotice error={list.error} title={props.errorTitle} onRetry={list.reload} />}
      {props.notices}

      <section className="panel" aria-label={props.label}>
        {list.data !== undefined && props.count === 0 && <p className="empty">{props.empty}</p>}
        {props.count > 0 && (
          <table className={`data-table ${props.tableClassName}`} aria-label={props.tableLabel}>
            <thead>
              <tr>
                {props.columns.map((label) => (
                  <th key={label} scope="col">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{props.children}</tbody>
          </table>
        )}
      </section>
    </div>
  );
}
