/**
 * Library pieces added for 出入境办理进度查询: the form's `code` input (a
 * slip's reference, capitals and digits) and `idNumberTail` input (an ID
 * number's last characters, X only last), a form that takes a code held
 * under the kiosk's scanner (`scanField`: CODE_SCANNED from the host), and
 * identify after a first choice or skipped on a path that needs no identity
 * (the identity is confirmed, and the session's fixed, only at identify).
 */
import { describe, expect, it } from 'vitest';
import type { FormField } from '../../../../../electron/contract';
import { choiceStep, chosen, consentStep, faceCheckStep, formStep, formValues, identifyStep, receiptPrintStep, skippedWhen } from '../../../../../electron/host/flows/library';
import { REGIONS } from '../../../../../electron/host/flows/library/form/regions';
import { checkField } from '../../../../../electron/host/flows/library/form/validate';
import { card, startPlan } from '../../services/flow-kit';

const code: FormField = { id: 'number', labelKey: 'svc.t.number', required: true, type: 'text', input: 'code', maxLength: 22 };
const tail: FormField = { id: 'tail', labelKey: 'svc.t.tail', required: true, type: 'text', input: 'idNumberTail', maxLength: 4 };

describe('form inputs: code and idNumberTail', () => {
  it('code: capitals and digits up to its length, kept as sent', () => {
    expect(checkField(code, '41040210000000018301', REGIONS)).toEqual({ ok: true, value: '41040210000000018301' });
    expect(checkField(code, 'SL410402202611150031', REGIONS)).toEqual({ ok: true, value: 'SL410402202611150031' });
    expect(checkField(code, '4104 0210', REGIONS)).toEqual({ ok: false, error: 'code' });
    expect(checkField(code, 'sl4104', REGIONS)).toEqual({ ok: false, error: 'code' });
    expect(checkField(code, '1'.repeat(23), REGIONS)).toEqual({ ok: false, error: 'code' });
  });

  it('idNumberTail: exactly its length of digits, X only as the last', () => {
    expect(checkField(tail, '1230', REGIONS)).toEqual({ ok: true, value: '1230' });
    expect(checkField(tail, '004X', REGIONS)).toEqual({ ok: true, value: '004X' });
    expect(checkField(tail, '04X0', REGIONS)).toEqual({ ok: false, error: 'idNumberTail' });
    expect(checkField(tail, '123', REGIONS)).toEqual({ ok: false, error: 'idNumberTail' });
    expect(checkField(tail, '12345', REGIONS)).toEqual({ ok: false, error: 'idNumberTail' });
  });
});

/** A first choice, then a receipt's number (scannable) or identify → consent → face check, then a slip. */
const plan = () => ({
  steps: [
    choiceStep({ id: 'way', labelKey: 'x.way', titleKey: 'x.way', options: [{ value: 'receipt', labelKey: 'x.receipt' }, { value: 'card', labelKey: 'x.card' }] }),
    skippedWhen(
      formStep({ id: 'receipt', labelKey: 'x.receipt', titleKey: 'x.receipt', scanField: 'number', back: true, fields: [{ id: 'number', type: 'text', input: 'code', maxLength: 22, labelKey: 'x.number' }] }),
      (context) => chosen(context, 'way') !== 'receipt',
    ),
    skippedWhen(identifyStep(), (context) => chosen(context, 'way') !== 'card'),
    skippedWhen(consentStep({ labelKey: 'x.consent', textKey: 'x.consent', scopeKeys: [] }), (context) => chosen(context, 'way') !== 'card'),
    skippedWhen(faceCheckStep(), (context) => chosen(context, 'way') !== 'card'),
    receiptPrintStep({ id: 'slip', labelKey: 'x.slip', titleKey: 'x.slip', outcome: 'shown', rows: () => [], slip: (context) => ({ sessionId: context.sessionId, title: '凭条', lines: [{ label: '编号', value: String(formValues(context, 'receipt')?.number ?? '') }] }) }),
  ],
});

describe('a form that takes scanned codes (scanField)', () => {
  it('says so in its view, and a scanned code passes it as if typed', async () => {
    const run = startPlan(plan, null);
    const form = await run.step({ type: 'CHOOSE', value: 'receipt' });
    expect(form.data).toMatchObject({ step: 'form', scanFieldId: 'number' });
    expect(run.flow.send({ type: 'CODE_SCANNED', text: ' 41040210000000018301\r' })).toBe(true);
    const slip = await run.settled();
    expect(slip.stepId).toBe('slip');
    expect(run.slips.infoSlips[0]!.lines).toEqual([{ label: '编号', value: '41040210000000018301' }]);
    expect(run.faults).toEqual([]);
  });

  it('a scanned code of the wrong form stays with the field\'s error; a form without scanField refuses scans', async () => {
    const run = startPlan(plan, null);
    await run.step({ type: 'CHOOSE', value: 'receipt' });
    run.flow.send({ type: 'CODE_SCANNED', text: 'https://example.com/x' });
    const stays = await run.settled();
    expect(stays).toMatchObject({ stepId: 'receipt', data: { errors: { number: 'flow.form.error.code' } } });
    const other = startPlan(() => ({ steps: [formStep({ id: 'f', labelKey: 'x', titleKey: 'x', fields: [code] }), receiptPrintStep({ labelKey: 'x', titleKey: 'x', outcome: 'shown', rows: () => [], slip: (context) => ({ sessionId: context.sessionId, title: 't', lines: [] }) })] }), null);
    expect(other.flow.send({ type: 'CODE_SCANNED', text: '123' })).toBe(false);
    expect(other.view().data).not.toHaveProperty('scanFieldId');
  });
});

describe('identify after a first choice, or skipped', () => {
  it('a path that skips identify never confirms an identity, even with a card on the reader', async () => {
    const run = startPlan(plan, null);
    run.identify(card('410402199001011230'));
    await run.step({ type: 'CHOOSE', value: 'receipt' });
    run.flow.send({ type: 'CODE_SCANNED', text: '41040210000000018301' });
    expect((await run.settled()).stepId).toBe('slip');
    expect(run.flow.identityConfirmed()).toBe(false);
  });

  it('identify later in the flow shows the card placed before it, and confirming it confirms the identity', async () => {
    const run = startPlan(plan, null);
    expect(run.identify(card('410402199001011230'))).toBe(true);
    const identify = await run.step({ type: 'CHOOSE', value: 'card' });
    expect(identify.data).toMatchObject({ step: 'identify', identity: { idNumberMasked: '4104**********1230' } });
    expect(run.flow.identityConfirmed()).toBe(false);
    await run.step({ type: 'CONFIRM' });
    expect(run.flow.identityConfirmed()).toBe(true);
    await run.step({ type: 'CONSENT', granted: true });
    run.face('passed');
    expect((await run.settled()).stepId).toBe('slip');
    // Confirmed: another card now ends the run.
    expect(run.identityChanged()).toBe(true);
    expect(run.view().data).toMatchObject({ step: 'done', outcome: 'identityChanged' });
  });
});
