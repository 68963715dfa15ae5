/**
 * The delivery step: the hall (its configured name and the service's
 * window) or EMS with its fee; the choice is the step's fact (EMS with its
 * fee item, for a later payment step); the recipient is checked as a form's
 * fields are, and only for EMS.
 */
import { describe, expect, it } from 'vitest';
import { FlowView } from '../../../../../electron/contract';
import { defaultConfig } from '../../../../../electron/host/config/load';
import { deliveryChoice } from '../../../../../electron/host/flows/library';
import { card, startPlan } from '../../services/flow-kit';
import { validFormValues } from '../../services/form-values';
import { startActor } from './fixture-plan';
import { deliveryData, formData, formPlan, NANSHAN, VALID_APPLICANT } from './form-plan';

const CHEN = card('410402199001011230');
const RECIPIENT = { name: '陈思远', phone: '13800138000', address: NANSHAN };

async function atDelivery() {
  const run = startPlan(formPlan, CHEN);
  await run.step({ type: 'CONFIRM' });
  await run.step({ type: 'SUBMIT_FORM', values: VALID_APPLICANT });
  return run;
}

describe('delivery step', () => {
  it('offers the hall by the config’s name and the service’s window, and EMS with its fee and the recipient’s fields', async () => {
    const run = await atDelivery();
    const view = run.view();
    expect(FlowView.safeParse(view).success).toBe(true);
    const data = deliveryData(view);
    const config = defaultConfig();
    expect(data.hall).toEqual({ name: config.hallName, window: config.services.windows.certificates });
    expect(data.emsFeeFen).toBe(1500);
    expect(data.method).toBeNull();
    expect(data.fields.map((field) => `${field.id}:${field.type}`)).toEqual(['name:text', 'phone:phone', 'address:address']);
    expect(data.values).toEqual({ name: '陈思远' });
  });

  it('collecting at the hall needs no recipient; the fact names the hall', async () => {
    const run = await atDelivery();
    expect((await run.step({ type: 'SUBMIT_FORM', values: { method: 'hall' } })).stepId).toBe('finish');
    const { actor } = startActor(formPlan, CHEN);
    actor.send({ type: 'CONFIRM' });
    actor.send({ type: 'SUBMIT_FORM', values: VALID_APPLICANT });
    actor.send({ type: 'SUBMIT_FORM', values: { method: 'hall', name: '别人', phone: '1' } });
    expect(deliveryChoice(actor.getSnapshot().context, 'delivery')).toEqual({ method: 'hall', hall: { name: defaultConfig().hallName, window: defaultConfig().services.windows.certificates } });
  });

  it('EMS: the fact carries the fee item and the recipient, for a payment step to add', async () => {
    const { actor } = startActor(formPlan, CHEN);
    actor.send({ type: 'CONFIRM' });
    actor.send({ type: 'SUBMIT_FORM', values: VALID_APPLICANT });
    actor.send({ type: 'SUBMIT_FORM', values: { method: 'ems', ...RECIPIENT } });
    const context = actor.getSnapshot().context;
    expect(context.passed).toContain('delivery');
    expect(deliveryChoice(context, 'delivery')).toEqual({ method: 'ems', fee: { code: 'ems', amountFen: 1500 }, recipient: RECIPIENT });
  });

  it.each([
    ['no method', {}, { method: 'flow.form.error.required' }],
    ['an unknown method', { method: 'drone' }, { method: 'flow.form.error.notAnOption' }],
    ['EMS without a phone', { method: 'ems', ...RECIPIENT, phone: '' }, { phone: 'flow.form.error.required' }],
    ['EMS to a county that does not exist', { method: 'ems', ...RECIPIENT, address: { ...NANSHAN, county: '449999' } }, { address: 'flow.form.error.region' }],
    ['EMS to a name with digits', { method: 'ems', ...RECIPIENT, name: '陈1' }, { name: 'flow.form.error.characters' }],
  ])('stays with an error for %s', async (_what, values, errors) => {
    const run = await atDelivery();
    const view = await run.step({ type: 'SUBMIT_FORM', values: values as never });
    expect(view.stepId).toBe('delivery');
    expect(deliveryData(view).errors).toEqual(errors);
    expect(FlowView.safeParse(view).success).toBe(true);
  });

  it('shows the chosen method and the recipient back after an error', async () => {
    const run = await atDelivery();
    const view = await run.step({ type: 'SUBMIT_FORM', values: { method: 'ems', ...RECIPIENT, phone: '1380' } });
    expect(deliveryData(view)).toMatchObject({ method: 'ems', values: { ...RECIPIENT, phone: '1380' } });
  });

  it('goes back to the form, and cannot be skipped', async () => {
    const run = await atDelivery();
    expect(run.send({ type: 'CONFIRM' })).toBe(false);
    expect(run.send({ type: 'CHOOSE', value: 'hall' })).toBe(false);
    expect(run.view().stepId).toBe('delivery');
    expect((await run.step({ type: 'BACK' })).stepId).toBe('applicant');
    expect(run.faults).toEqual([]);
  });

  it('the services’ walker (service-modules.test.ts) gets past a form and both ways past a delivery step', async () => {
    for (const method of ['hall', 'ems'] as const) {
      const run = startPlan(formPlan, CHEN);
      const form = await run.step({ type: 'CONFIRM' });
      const delivery = await run.step({ type: 'SUBMIT_FORM', values: validFormValues(formData(form).fields) });
      const values = method === 'hall' ? { method } : { method, ...validFormValues(deliveryData(delivery).fields) };
      expect((await run.step({ type: 'SUBMIT_FORM', values })).stepId).toBe('finish');
    }
  });
});
