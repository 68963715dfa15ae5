/**
 * How the citizen gets the document: collect it at this hall (its name and
 * window, free) or by EMS (its fee), and for EMS the recipient's name, phone
 * and address, filled in with the form's field list and editors. 确认 sends
 * the choice to the host, which checks it as a form's fields are. In elder
 * mode the recipient's fields come two a page and are read aloud, as in the
 * form, and two rejected choices bring an offer of staff help.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryMethod } from '../../../electron/contract';
import { formatFee, formatWindow } from '../../app/home/format';
import type { StepProps } from '../../flows/step-props';
import { useStepVoice, useStepVoiceKey } from '../../flows/step-voice';
import type { Language } from '../../i18n';
import { TouchButton } from '../../ui/TouchButton';
import { FieldEditor } from '../form/FieldEditor';
import { FieldList } from '../form/FieldList';
import { PageNav } from '../form/PageNav';
import { RepeatedErrorsHelp } from '../form/RepeatedErrorsHelp';
import { useFieldPages } from '../form/use-field-pages';
import { useFormDraft } from '../form/use-form-draft';
import { useReadPage } from '../form/use-read-page';
import { useRejections } from '../form/use-rejections';
import '../form/FormStep.css';

/** `data-testid="delivery-step"`: `delivery-hall`, `delivery-ems`, the recipient's `form-field-<id>` rows for EMS, `delivery-confirm`. */
export function DeliveryStep(props: StepProps<'delivery'>): ReactElement {
  const rejections = useRejections(Object.keys(props.data.errors).length > 0);
  return (
    <>
      <DeliveryScreen key={`${props.view.flowId}:${props.view.seq}`} {...props} onAnswered={rejections.answered} />
      <RepeatedErrorsHelp api={props.api} sessionId={props.sessionId} step="flow.delivery" rejections={rejections.count} elderMode={props.elderMode} />
    </>
  );
}

function DeliveryScreen({ view, data, send, accepts, elderMode, onAnswered }: StepProps<'delivery'> & { onAnswered: () => void }): ReactElement {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const hasErrors = Object.keys(data.errors).length > 0;
  const prompt = useStepVoiceKey(view, hasErrors ? 'voice.flow.formFix' : 'voice.flow.delivery', !hasErrors);
  const [method, setMethod] = useState<DeliveryMethod | null>(data.method);
  // Elder mode reads the recipient's page (with the prompt) once EMS is chosen.
  const reading = elderMode && method === 'ems';
  useStepVoice(view, reading ? null : prompt, false);
  const draft = useFormDraft(data.values, data.errors);
  const pages = useFieldPages(data.fields, data.errors, elderMode);
  useReadPage(prompt, pages, reading);
  const editing = data.fields.find((field) => field.id === draft.editing);
  const enabled = accepts('SUBMIT_FORM');
  const methodError = method === null ? data.errors.method : undefined;

  if (editing) {
    return (
      <section className="step flow-step form-step" data-testid="delivery-step" aria-labelledby="step-title">
        <h1 id="step-title" className="step__title">
          {t('flow.delivery.recipientTitle')}
        </h1>
        <FieldEditor key={editing.id} field={editing} value={draft.values[editing.id]} elder={elderMode} onDone={(value) => draft.set(editing.id, value)} onCancel={() => draft.edit(null)} />
      </section>
    );
  }
  return (
    <section className="step flow-step form-step" data-testid="delivery-step" aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t(data.titleKey)}
      </h1>
      <p className="flow-step__lead">{t('flow.delivery.lead')}</p>
      <div className="delivery-methods" role="group" aria-labelledby="step-title">
        <TouchButton variant={method === 'hall' ? 'primary' : 'secondary'} className="flow-choice" aria-pressed={method === 'hall'} data-testid="delivery-hall" disabled={!enabled} onPress={() => setMethod('hall')}>
          <span className="flow-choice__name">{t('flow.delivery.hall')}</span>
          <span className="flow-choice__hint" data-testid="delivery-hall-where">
            {t('flow.delivery.hallAt', { name: data.hall.name, window: formatWindow(data.hall.window, language) })}
          </span>
          <span className="flow-choice__hint">{t('flow.delivery.free')}</span>
        </TouchButton>
        <TouchButton variant={method === 'ems' ? 'primary' : 'secondary'} className="flow-choice" aria-pressed={method === 'ems'} data-testid="delivery-ems" disabled={!enabled} onPress={() => setMethod('ems')}>
          <span className="flow-choice__name">{t('flow.delivery.ems')}</span>
          <span className="flow-choice__hint" data-testid="delivery-ems-fee">
            {t('flow.delivery.emsFee', { fee: formatFee(data.emsFeeFen, language) })}
          </span>
        </TouchButton>
      </div>
      {methodError ? (
        <p className="form-error" data-testid="delivery-error-method">
          {t(methodError)}
        </p>
      ) : null}
      {method === 'ems' ? (
        <>
          <h2>{t('flow.delivery.recipientTitle')}</h2>
          <FieldList fields={pages.fields} values={draft.values} errors={draft.errors} onEdit={draft.edit} disabled={!enabled} />
          <PageNav pages={pages} disabled={!enabled} />
        </>
      ) : null}
      {method !== 'ems' || pages.isLast ? (
        <TouchButton
          className="form-step__submit"
          data-testid="delivery-confirm"
          disabled={!enabled || method === null}
          onPress={() => send({ type: 'SUBMIT_FORM', values: method === 'ems' ? { method, ...draft.values } : { method: method ?? '' } }).then(onAnswered)}
        >
          {t('flow.delivery.confirm')}
        </TouchButton>
      ) : null}
    </section>
  );
}
