import type { AlertRule } from '@sightline/contract';
import { useCallback, useId, useMemo, useState } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { createRule, updateRule } from './alerts-api.ts';
import { refusalMessage } from './api-issues.ts';
import { ConditionFields, EvaluationFields } from './ConditionFields.tsx';
import { DetailsFields } from './DetailsFields.tsx';
import { problemAt, type EditorPartProps } from './EditorField.tsx';
import { apiProblems, problemText, type FieldProblem } from './form-problems.ts';
import { TextField } from './FormField.tsx';
import { NotifyFields } from './NotifyFields.tsx';
import { previewInputOf } from './preview-request.ts';
import { PreviewPanel } from './PreviewPanel.tsx';
import { QueryFields } from './QueryFields.tsx';
import { checkRuleForm, type RuleForm } from './rule-form.ts';
import './rule-editor.css';

/**
 * A rule's form with a live preview beside it: checked against the contract before it is sent, and
 * the API's own refusal shown on the fields it names. `ruleId` null creates a rule.
 */
export function RuleEditor({
  initial,
  ruleId,
  onSaved,
  onCancel,
}: {
  readonly initial: RuleForm;
  readonly ruleId: string | null;
  readonly onSaved: (rule: AlertRule) => void;
  readonly onCancel: () => void;
}) {
  const id = useId();
  const [form, setForm] = useState(initial);
  // After a first attempt to save, the form's own problems follow each change; the API's last until the next change.
  const [attempted, setAttempted] = useState(false);
  const [apiRefusal, setApiRefusal] = useState<readonly FieldProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const check = useMemo(() => checkRuleForm(form), [form]);
  const problems = useMemo(() => [...(attempted && !check.ok ? check.problems : []), ...apiRefusal], [attempted, check, apiRefusal]);
  const previewInput = useMemo(() => previewInputOf(form), [form]);
  const update = useCallback((change: (form: RuleForm) => RuleForm) => {
    setForm(change);
    setApiRefusal([]);
  }, []);
  const part: EditorPartProps = { form, update, problems, id };

  const save = (): void => {
    setAttempted(true);
    setFailure(undefined);
    setApiRefusal([]);
    if (!check.ok) return;
    setSaving(true);
    (ruleId === null ? createRule(check.definition) : updateRule(ruleId, check.definition)).then(
      (rule) => {
        setSaving(false);
        onSaved(rule);
      },
      (error: unknown) => {
        setSaving(false);
        const refusal = refusalMessage(error);
        if (refusal !== undefined) setApiRefusal(apiProblems(refusal));
        else setFailure(error);
      },
    );
  };

  return (
    <section className="alert-editor" aria-label={ruleId === null ? 'New rule' : 'Edit rule'}>
      <div className="alert-editor-form">
        <div className="panel alert-editor-head">
          <div className="filter-row">
            <TextField
              id={`${id}-name`}
              label="Rule name"
              problem={problemAt(problems, 'name')}
              className="field-wide"
              value={form.name}
              placeholder="e.g. Checkout queue too deep"
              autoComplete="off"
              onChange={(name) => update((f) => ({ ...f, name }))}
            />
            <label className="check alert-check-field">
              <input type="checkbox" checked={form.enabled} onChange={(e) => update((f) => ({ ...f, enabled: e.target.checked }))} />
              Enabled
            </label>
          </div>
        </div>
        <QueryFields {...part} />
        <ConditionFields {...part} />
        <EvaluationFields {...part} />
        <NotifyFields {...part} />
        <DetailsFields {...part} />
        {problems.length > 0 && (
          <div className="notice notice-error" role="alert" aria-label="Problems in the rule">
            <div className="notice-title">The rule has {problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was saved yet.</div>
            <ul className="notice-list">
              {problems.map((p, i) => (
                <li key={i}>{problemText(p)}</li>
              ))}
            </ul>
          </div>
        )}
        {failure !== undefined && <ErrorNotice error={failure} title="Could not save the rule" />}
        <div className="alert-editor-actions">
          <button type="button" className="btn btn-primary" onClick={save} disabled={saving}>
            {saving ? 'Saving…' : ruleId === null ? 'Create rule' : 'Save rule'}
          </button>
          <button type="button" className="btn" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        </div>
      </div>
      <aside className="alert-editor-preview" aria-label="Live preview">
        <PreviewPanel input={previewInput} />
      </aside>
    </section>
  );
}
