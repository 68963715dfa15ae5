/**
 * A plan for the form and delivery steps' tests: identify → applicant (a
 * form with one field of each type, the name pre-filled from the identity)
 * → delivery (EMS for 15 yuan) → finish (CONFIRM ends the run).
 */
import type { FlowView, FormValues } from '../../../../../electron/contract';
import { deliveryStep, formStep, identifyStep, type FlowKit, type FlowPlan, type StepDefinition } from '../../../../../electron/host/flows/library';
import { KEY } from './fixture-plan';

const finish: StepDefinition = {
  id: 'finish',
  kind: 'review',
  labelKey: KEY('steps.finish'),
  build: (wiring) => ({ on: { CONFIRM: wiring.leave({ to: 'done', outcome: 'finished' }), BACK: wiring.back() } }),
  view: () => ({ data: { step: 'review', titleKey: KEY('finish.title'), rows: [], noteKeys: [] } }),
};

export const formPlan = (_kit: FlowKit): FlowPlan => ({
  steps: [
    identifyStep(),
    formStep({
      id: 'applicant',
      labelKey: KEY('steps.applicant'),
      titleKey: KEY('applicant.title'),
      back: true,
      prefill: (context): FormValues => (context.identity?.name ? { name: context.identity.name } : {}),
      fields: [
        { id: 'name', type: 'text', input: 'chineseName', maxLength: 20, labelKey: KEY('applicant.name') },
        { id: 'pinyin', type: 'text', input: 'latin', maxLength: 12, labelKey: KEY('applicant.pinyin'), required: false },
        { id: 'note', type: 'text', input: 'chinese', maxLength: 10, labelKey: KEY('applicant.note'), required: false },
        { id: 'reason', type: 'choice', labelKey: KEY('applicant.reason'), options: [{ value: 'lost', labelKey: KEY('applicant.lost') }, { value: 'damaged', labelKey: KEY('applicant.damaged') }] },
        // Moved in: at most 30 years ago, not after today.
        { id: 'moved', type: 'date', labelKey: KEY('applicant.moved'), min: { fromToday: { years: -30 } }, max: { fromToday: {} } },
        { id: 'phone', type: 'phone', labelKey: KEY('applicant.phone') },
        { id: 'address', type: 'address', labelKey: KEY('applicant.address'), detailMaxLength: 30 },
      ],
    }),
    deliveryStep({
      id: 'delivery',
      labelKey: KEY('steps.delivery'),
      titleKey: KEY('delivery.title'),
      emsFee: { code: 'ems', amountFen: 1500 },
      back: true,
      prefill: (context): FormValues => (context.identity?.name ? { name: context.identity.name } : {}),
    }),
    finish,
  ],
});

/** 深圳市南山区 (广东省 440000, 深圳市 440300, 南山区 440305). */
export const NANSHAN = { province: '440000', city: '440300', county: '440305', detail: '科技园路1号' };

/** Values the applicant form accepts (KIT_NOW is 2026-12-01). */
export const VALID_APPLICANT = {
  name: '陈思远',
  pinyin: 'CHEN SIYUAN',
  reason: 'lost',
  moved: '2010-06-30',
  phone: '13800138000',
  address: NANSHAN,
};

export function formData(view: FlowView) {
  if (view.data.step !== 'form') throw new Error(`not a form: ${view.stepId}`);
  return view.data;
}

export function deliveryData(view: FlowView) {
  if (view.data.step !== 'delivery') throw new Error(`not a delivery step: ${view.stepId}`);
  return view.data;
}
