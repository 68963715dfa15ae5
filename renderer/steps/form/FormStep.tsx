/**
 * A form the service declares: its fields as large rows; touching one opens
 * the keyboard, keypad or picker its type needs; 提交 sends every value to
 * the host, which checks them and either goes on or comes back with an
 * error per field, shown in red on its row. In elder mode (issue 15) the
 * fields come in pages of two with 上一页/下一页 (提交 on the last), each
 * page is read aloud, and two rejected submissions bring an offer of staff help.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice, useStepVoiceKey } from '../../flows/step-voice';
import { TouchButton } from '../../ui/TouchButton';
import { FieldEditor } from './FieldEditor';
import { FieldList } from './FieldList';
import { PageNav } from './PageNav';
import { RepeatedErrorsHelp } from './RepeatedErrorsHelp';
import { useFieldPages } from './use-field-pages';
import { useFormDraft } from './use-form-draft';
import { useReadPage } from './use-read-page';
import { useRejections } from './use-rejections';
import './FormStep.css';

/** `data-testid="form-step"`; a new host view (after a submission) starts from its values and errors. */
export function FormStep(props: StepProps<'form'>): ReactElement {
  const rejections = useRejections(Object.keys(props.data.errors).length > 0);
  return (
    <>
      <FormScreen key={`${props.view.flowId}:${props.view.seq}`} {...props} onAnswered={rejections.answered} />
      <RepeatedErrorsHelp api={props.api} sessionId={props.sessionId} step="flow.form" rejections={rejections.count} elderMode={props.elderMode} />
    </>
  );
}

function FormScreen({ view, data, send, accepts, elderMode, onAnswered }: StepProps<'form'> & { onAnswered: () => void }): ReactElement {
  const { t } = useTranslation();
  const hasErrors = Object.keys(data.errors).length > 0;
  const prompt = useStepVoiceKey(view, hasErrors ? 'voice.flow.formFix' : 'voice.flow.form', !hasErrors);
  // Elder mode says the prompt with the page's labels (useReadPage), not on its own.
  useStepVoice(view, elderMode ? null : prompt, false);
  const draft = useFormDraft(data.values, data.errors);
  const pages = useFieldPages(data.fields, data.errors, elderMode);
  useReadPage(prompt, pages, elderMode);
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
          {data.scanFieldId ? (
            <p className="flow-step__lead" data-testid="form-scan-hint">
              {t('flow.form.scanHint')}
            </p>
          ) : null}
          <FieldList fields={pages.fields} values={draft.values} errors={draft.errors} onEdit={draft.edit} disabled={!enabled} />
          <PageNav pages={pages} disabled={!enabled} />
          {pages.isLast ? (
            <TouchButton className="form-step__submit" data-testid="form-submit" disabled={!enabled} onPress={() => send({ type: 'SUBMIT_FORM', values: draft.values }).then(onAnswered)}>
              {t('flow.form.submit')}
            </TouchButton>
          ) : null}
        </>
      )}
    </section>
  );
}
