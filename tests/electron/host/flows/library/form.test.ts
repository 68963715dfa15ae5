/**
 * The form step under flow control: the declaration in the view, pre-filled
 * from the identity; a valid submission passes and its values become the
 * step's fact; every kind of wrong value keeps the citizen on the step with
 * that field's error key; BACK returns, and nothing skips the step.
 */
import { describe, expect, it } from 'vitest';
import { FlowEvent, FlowView } from '../../../../../electron/contract';
import { formStep, formValues } from '../../../../../electron/host/flows/library';
import { card, startPlan } from '../../services/flow-kit';
import { startActor } from './fixture-plan';
import { formData, formPlan, NANSHAN, VALID_APPLICANT } from './form-plan';

const CHEN = card('410402199001011230');

async function atForm() {
  const run = startPlan(formPlan, CHEN);
  await run.step({ type: 'CONFIRM' });
  return run;
}

describe('form step', () => {
  it('shows the declaration, with relative date bounds resolved against the hall’s today and the name pre-filled', async () => {
    const run = await atForm();
    const view = run.view();
    expect(FlowView.safeParse(view).success).toBe(true);
    expect(view).toMatchObject({ stepId: 'applicant', step: 'form' });
    const data = formData(view);
    expect(data.fields.map((field) => `${field.id}:${field.type}`)).toEqual(['name:text', 'pinyin:text', 'note:text', 'reason:choice', 'moved:date', 'phone:phone', 'address:address']);
    expect(data.fields.find((field) => field.id === 'moved')).toMatchObject({ min: '1996-12-01', max: '2026-12-01', required: true });
    expect(data.fields.find((field) => field.id === 'pinyin')).toMatchObject({ required: false, input: 'latin', maxLength: 12 });
    expect(data.values).toEqual({ name: '陈思远' });
    expect(data.errors).toEqual({});
    expect(view.accepts).toEqual(expect.arrayContaining(['SUBMIT_FORM', 'BACK']));
    expect(view.accepts).not.toContain('CONFIRM');
  });

  it('passes valid values on; they are the step’s fact, kept exactly as sent', async () => {
    const run = await atForm();
    const next = await run.step({ type: 'SUBMIT_FORM', values: VALID_APPLICANT });
    expect(next.stepId).toBe('delivery');
    const actor = startActor(formPlan, CHEN);
    actor.actor.send({ type: 'CONFIRM' });
    actor.actor.send({ type: 'SUBMIT_FORM', values: { ...VALID_APPLICANT, pinyin: '', stray: 'dropped' } });
    const context = actor.actor.getSnapshot().context;
    expect(context.passed).toContain('applicant');
    // The optional field left empty and the value no field declares are not kept.
    const { pinyin: _pinyin, ...kept } = VALID_APPLICANT;
    expect(formValues(context, 'applicant')).toEqual(kept);
  });

  it.each([
    ['a required field missing', { name: '' }, 'name', 'required'],
    ['a name with Latin letters', { name: '陈Siyuan' }, 'name', 'characters'],
    ['a name too long', { name: '陈'.repeat(21) }, 'name', 'tooLong'],
    ['pinyin in lower case', { pinyin: 'chen siyuan' }, 'pinyin', 'characters'],
    ['pinyin too long', { pinyin: 'CHEN SIYUANXX' }, 'pinyin', 'tooLong'],
    ['text with an emoji', { note: '丢了😀' }, 'note', 'characters'],
    ['text with spaces at an end', { note: ' 丢了' }, 'note', 'characters'],
    ['an option not offered', { reason: 'stolen' }, 'reason', 'notAnOption'],
    ['no such day', { moved: '2023-02-29' }, 'moved', 'notADate'],
    ['a date before the bound', { moved: '1996-11-30' }, 'moved', 'tooEarly'],
    ['a date in the future', { moved: '2026-12-02' }, 'moved', 'tooLate'],
    ['a date in another shape', { moved: '20100630' }, 'moved', 'notADate'],
    ['a landline number', { phone: '02012345678' }, 'phone', 'phone'],
    ['a short mobile number', { phone: '1380013800' }, 'phone', 'phone'],
    ['text where an address goes', { address: '深圳' }, 'address', 'invalid'],
    ['an address where text goes', { name: NANSHAN }, 'name', 'invalid'],
    ['no region', { address: { ...NANSHAN, province: '', city: '', county: null } }, 'address', 'regionMissing'],
    ['no county where the city has counties', { address: { ...NANSHAN, county: null } }, 'address', 'regionMissing'],
    ['a county that does not exist', { address: { ...NANSHAN, county: '440399' } }, 'address', 'region'],
    ['a county of another city', { address: { ...NANSHAN, county: '440106' } }, 'address', 'region'],
    ['a city of another province', { address: { ...NANSHAN, city: '110100', county: '110101' } }, 'address', 'region'],
    ['no detail line', { address: { ...NANSHAN, detail: '' } }, 'address', 'detailMissing'],
    ['a detail line too long', { address: { ...NANSHAN, detail: '路'.repeat(31) } }, 'address', 'detailTooLong'],
    ['a detail line with a control character', { address: { ...NANSHAN, detail: '科技园\u0000路' } }, 'address', 'detailCharacters'],
  ])('stays with an error for %s', async (_what, change, field, problem) => {
    const run = await atForm();
    const values = { ...VALID_APPLICANT, ...change } as Record<string, unknown>;
    const view = await run.step({ type: 'SUBMIT_FORM', values: values as never });
    expect(view.stepId).toBe('applicant');
    const data = formData(view);
    expect(data.errors).toEqual({ [field]: `flow.form.error.${problem}` });
    // What the citizen sent is shown back, to correct.
    expect(data.values[field]).toEqual(values[field]);
    expect(FlowView.safeParse(view).success).toBe(true);
  });

  it('accepts a city without counties (东莞市) with no county', async () => {
    const run = await atForm();
    const view = await run.step({ type: 'SUBMIT_FORM', values: { ...VALID_APPLICANT, address: { province: '440000', city: '441900', county: null, detail: '南城街道1号' } } });
    expect(view.stepId).toBe('delivery');
  });

  it('names every wrong field at once, and passes once they are right', async () => {
    const run = await atForm();
    const wrong = await run.step({ type: 'SUBMIT_FORM', values: { name: '陈思远' } });
    expect(formData(wrong).errors).toEqual({ reason: 'flow.form.error.required', moved: 'flow.form.error.required', phone: 'flow.form.error.required', address: 'flow.form.error.required' });
    expect((await run.step({ type: 'SUBMIT_FORM', values: VALID_APPLICANT })).stepId).toBe('delivery');
  });

  it('goes back to identify, and on return shows what the citizen typed', async () => {
    const run = await atForm();
    await run.step({ type: 'SUBMIT_FORM', values: { ...VALID_APPLICANT, phone: '123' } });
    expect((await run.step({ type: 'BACK' })).stepId).toBe('identify');
    const again = await run.step({ type: 'CONFIRM' });
    expect(formData(again).values.phone).toBe('123');
    // Back from the next step: the form shows the accepted values again.
    await run.step({ type: 'SUBMIT_FORM', values: VALID_APPLICANT });
    const back = await run.step({ type: 'BACK' });
    expect(back.stepId).toBe('applicant');
    expect(formData(back).values).toEqual(VALID_APPLICANT);
  });

  it('cannot be skipped: nothing but a valid submission (or BACK) leaves it', async () => {
    const run = await atForm();
    for (const event of [{ type: 'CONFIRM' }, { type: 'CHOOSE', value: 'lost' }, { type: 'RETRY' }, { type: 'CONSENT', granted: true }] as const) {
      expect(run.send(event)).toBe(false);
    }
    expect(run.view().stepId).toBe('applicant');
    // Before identify passed, a submission is not taken at all.
    const early = startPlan(formPlan, CHEN);
    expect(early.send({ type: 'SUBMIT_FORM', values: VALID_APPLICANT })).toBe(false);
    expect(early.view().stepId).toBe('identify');
    expect(run.faults).toEqual([]);
  });

  it('the contract keeps no key an object would swallow, and refuses too many values', () => {
    // zod drops such a key; nothing reaches the step, and no prototype changes.
    const parsed = FlowEvent.parse(JSON.parse('{"type":"SUBMIT_FORM","values":{"__proto__":{"polluted":true},"constructor":"x"}}'));
    expect(parsed).toEqual({ type: 'SUBMIT_FORM', values: { constructor: 'x' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(FlowEvent.safeParse({ type: 'SUBMIT_FORM', values: { _x: 'x' } }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}`, 'x']));
    expect(FlowEvent.safeParse({ type: 'SUBMIT_FORM', values: many }).success).toBe(false);
    expect(FlowEvent.safeParse({ type: 'SUBMIT_FORM', values: VALID_APPLICANT }).success).toBe(true);
  });

  it('refuses a declaration with two fields of one id, or none (a service’s bug, found when its flow is built)', () => {
    const field = { id: 'name', type: 'phone', labelKey: 'svc.t.name' } as const;
    expect(() => formStep({ id: 'f', labelKey: 'svc.t.f', titleKey: 'svc.t.f', fields: [field, field] })).toThrow(/two fields/);
    expect(() => formStep({ id: 'f', labelKey: 'svc.t.f', titleKey: 'svc.t.f', fields: [] })).toThrow(/1–16/);
    expect(() => formStep({ id: 'f', labelKey: 'svc.t.f', titleKey: 'svc.t.f', fields: [{ ...field, id: '_x' }] })).toThrow(/identifier/);
  });
});
