/**
 * A form the service declares: its fields as large rows; touching one opens
 * the keyboard, keypad or picker its type needs; 提交 sends every value to
 * the host, which checks them and either goes on or comes back with an
 * error per field, shown in red on its row.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';
import { FieldEditor } from './FieldEditor';
import { FieldList } from './FieldList';
import { useFormDraft } from './use-form-draft';
import './FormStep.css';

/** `data-testid="form-step"`; a new host view (after a submission) starts from its values and errors. */
export function FormStep(props: StepProps<'form'>): ReactElement {
  return <FormScreen key={`${props.view.flowId}:${props.view.seq}`} {...props} />;
}

function FormScreen({ view, data, send, accepts, elderMode }: StepProps<'form'>): ReactElement {
  const { t } = useTranslation();
  const hasErrors = Object.keys(data.errors).length > 0;
  useStepVoice(view, hasErrors ? 'voice.flow.formFix' : 'voice.flow.form', !hasErrors);
  const draft = useFormDraft(data.values, data.errors);
  const editing = data.fields.find((field) => field.id === draft.editing);
  const enabled = accepts('SUBMIT_FORM');
  return (
    <section className="step flow-step form-step" data-testid="form-step" aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t(data.titleKey)}
      </h1>
      {editing ? (
        <FieldEditor key={editing.id} field={editing} value={draft.values[editing.id]} elder={elderMode} onDone={(value) => draft.set(editing.id, value)} onCancel={() => draft.edit(null)} />
      ) : (
        <>
          <p className={hasErrors ? 'form-error form-step__lead' : 'flow-step__lead'} data-testid="form-lead">
            {t(hasErrors ? 'flow.form.fix' : 'flow.form.lead')}
          </p>
          <FieldList fields={data.fields} values={draft.values} errors={draft.errors} onEdit={draft.edit} disabled={!enabled} />
          <TouchButton className="form-step__submit" data-testid="form-submit" disabled={!enabled} onPress={() => send({ type: 'SUBMIT_FORM', values: draft.values })}>
            {t('flow.form.submit')}
          </TouchButton>
        </>
      )}
    </section>
  );
}
