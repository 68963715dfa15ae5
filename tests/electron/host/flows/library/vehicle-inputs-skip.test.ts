/**
 * Library pieces added for 交通违法处理: the form's `plate` input (GA 36 via
 * domain/plate-number) and `vinTail` input (six VIN characters, no I, O or
 * Q), and `skippedWhen` (a step passed unseen for the runs it does not
 * apply to; the gate still checks everything before it).
 */
import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../../../electron/contract';
import { choiceStep, consentStep, identifyStep, receiptPrintStep, reviewStep, skippedWhen, chosen, buildFlow, FlowPlanError } from '../../../../../electron/host/flows/library';
import { REGIONS } from '../../../../../electron/host/flows/library/form/regions';
import { checkField } from '../../../../../electron/host/flows/library/form/validate';
import { card, startPlan, testKit } from '../../services/flow-kit';

const plate: FormField = { id: 'plate', labelKey: 'svc.t.plate', required: true, type: 'text', input: 'plate', maxLength: 8 };
const vin: FormField = { id: 'vinTail', labelKey: 'svc.t.vin', required: true, type: 'text', input: 'vinTail', maxLength: 6 };

describe('form inputs: plate and vinTail', () => {
  it('a plate: ordinary and new-energy plates as sent; anything else is `plate`', () => {
    expect(checkField(plate, '豫D12345', REGIONS)).toEqual({ ok: true, value: '豫D12345' });
    expect(checkField(plate, '粤BD12345', REGIONS)).toEqual({ ok: true, value: '粤BD12345' });
    expect(checkField(plate, '豫DI2345', REGIONS)).toEqual({ ok: false, error: 'plate' });
    expect(checkField(plate, '豫D1234', REGIONS)).toEqual({ ok: false, error: 'plate' });
  });
  it('a VIN tail: six digits or capitals without I, O, Q', () => {
    expect(checkField(vin, '039926', REGIONS)).toEqual({ ok: true, value: '039926' });
    expect(checkField(vin, 'HY3021', REGIONS)).toEqual({ ok: true, value: 'HY3021' });
    expect(checkField(vin, 'O39926', REGIONS)).toEqual({ ok: false, error: 'vinTail' });
    expect(checkField(vin, '03992', REGIONS)).toEqual({ ok: false, error: 'vinTail' });
    expect(checkField(vin, 'abc123', REGIONS)).toEqual({ ok: false, error: 'vinTail' });
  });
});

describe('skippedWhen', () => {
  const plan = () => ({
    steps: [
      identifyStep(),
      choiceStep({ id: 'how', labelKey: 'x.how', titleKey: 'x.how', options: [{ value: 'a', labelKey: 'x.a' }, { value: 'b', labelKey: 'x.b' }] }),
      skippedWhen(consentStep({ labelKey: 'x.consent', textKey: 'x.consent', scopeKeys: [] }), (context) => chosen(context, 'how') !== 'b'),
      receiptPrintStep({ id: 'slip', labelKey: 'x.slip', titleKey: 'x.slip', outcome: 'shown', rows: () => [], slip: (context) => ({ sessionId: context.sessionId, title: '凭条', lines: [] }) }),
    ],
  });

  it('passes the step unseen when it does not apply, and shows it when it does', async () => {
    const skipped = startPlan(plan, card('410402199001011230'));
    await skipped.step({ type: 'CONFIRM' });
    expect((await skipped.step({ type: 'CHOOSE', value: 'a' })).stepId).toBe('slip');
    expect(skipped.faults).toEqual([]);
    skipped.flow.stop();
    const shown = startPlan(plan, card('410402199001011230'));
    await shown.step({ type: 'CONFIRM' });
    expect((await shown.step({ type: 'CHOOSE', value: 'b' })).stepId).toBe('consent');
    shown.flow.stop();
  });

  it('the last step cannot be skipped (a plan bug, found when the flow is built)', () => {
    const { kit } = testKit('t', { 'zh-CN': '测试', en: 'Test' }, 'certificates');
    expect(() => buildFlow({ steps: [identifyStep(), skippedWhen(reviewStep({ labelKey: 'x', titleKey: 'x', rows: () => [] }), () => true)] }, kit)).toThrow(FlowPlanError);
  });
});
