/**
 * identifyStep's `acceptExpired`: by default an expired card stays at
 * identify with the `expired` message; with the option (身份证换领) the same
 * card is confirmed and passes the face check, the reason to renew it.
 */
import { describe, expect, it } from 'vitest';
import { consentStep, faceCheckStep, identifyStep, receiptPrintStep, type FlowPlan } from '../../../../../electron/host/flows/library';
import { card, startPlan } from '../../services/flow-kit';

const LIU = '410403196809220046';
const expiredCard = card(LIU, { validTo: '2025-10-01', expired: true });

const plan = (acceptExpired: boolean) => (): FlowPlan => ({
  steps: [
    identifyStep({ acceptExpired }),
    consentStep({ labelKey: 'k.consent', textKey: 'k.text', scopeKeys: ['k.scope'] }),
    faceCheckStep(),
    receiptPrintStep({ labelKey: 'k.slip', titleKey: 'k.title', outcome: 'shown', rows: () => [], slip: (context) => ({ sessionId: context.sessionId, title: 't', lines: [] }) }),
  ],
});

describe('identify: an expired card', () => {
  it('is refused by default, with the expired message', async () => {
    const run = startPlan(plan(false), expiredCard);
    const view = await run.step({ type: 'CONFIRM' });
    expect(view).toMatchObject({ stepId: 'identify', messageKey: 'flow.identify.expired', data: { problem: 'expired' } });
  });

  it('is the identity, through the face check, when the service accepts expired cards', async () => {
    const run = startPlan(plan(true), expiredCard);
    const slip = await run.verify();
    expect(slip).toMatchObject({ stepId: 'slip', data: { step: 'receiptPrint' } });
  });

  it('still refuses a card whose number fails its checksum', async () => {
    const run = startPlan(plan(true), { ...expiredCard, idNumberValid: false });
    expect(await run.step({ type: 'CONFIRM' })).toMatchObject({ stepId: 'identify', data: { problem: 'invalidNumber' } });
  });
});
