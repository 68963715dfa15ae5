/**
 * Options that depend on the run: a choice offering only what an earlier
 * step allows (and refusing the rest), a counter reason with public values,
 * and a payment owing only some of its rule's items (`itemCodes`).
 */
import { describe, expect, it } from 'vitest';
import { choiceStep, chosen, consentStep, faceCheckStep, feeDue, identifyStep, queryStep, receiptPrintStep, type FlowContext, type FlowPlan } from '../../../../../electron/host/flows/library';
import { card, startPlan } from '../../services/flow-kit';

const CHEN = '410402199001011230';

const plan = (): FlowPlan => ({
  steps: [
    identifyStep(),
    consentStep({ labelKey: 'k.consent', textKey: 'k.text', scopeKeys: ['k.scope'] }),
    faceCheckStep(),
    queryStep<{ colours: string[] }>({ id: 'allowed', labelKey: 'k.allowed', titleKey: 'k.allowed', run: async () => ({ ok: true, value: { colours: ['red'] } }), route: () => ({ to: 'next' }) }),
    choiceStep({
      id: 'colour',
      labelKey: 'k.colour',
      titleKey: 'k.colour',
      options: (context) => ((context.facts.allowed as { colours: string[] } | undefined)?.colours ?? []).map((value) => ({ value, labelKey: `k.${value}` })),
    }),
    queryStep<null>({
      id: 'check',
      labelKey: 'k.check',
      titleKey: 'k.check',
      run: async () => ({ ok: true, value: null }),
      route: (_result, context) => ({ to: 'counter', reasonKey: 'k.tooEarly', reasonParams: { colour: chosen(context, 'colour') ?? '', from: '2034-12-01' } }),
    }),
    receiptPrintStep({ labelKey: 'k.slip', titleKey: 'k.slip', outcome: 'shown', rows: () => [], slip: (context) => ({ sessionId: context.sessionId, title: 't', lines: [] }) }),
  ],
});

describe('options from the run', () => {
  it('a choice offers and accepts only what the earlier step allowed; the counter carries its reason\'s values', async () => {
    const run = startPlan(plan, card(CHEN));
    const choice = await run.verify();
    expect(choice.data).toMatchObject({ step: 'choice', options: [{ value: 'red', labelKey: 'k.red' }] });
    expect(run.send({ type: 'CHOOSE', value: 'blue' })).toBe(false);
    const counter = await run.step({ type: 'CHOOSE', value: 'red' });
    expect(counter.data).toMatchObject({ step: 'counter', reasonKey: 'k.tooEarly', reasonParams: { colour: 'red', from: '2034-12-01' } });
  });

  it('a payment owes only the items itemCodes names, the exemption applied to them', () => {
    const fee = {
      items: [
        { code: 'renewal', name: { 'zh-CN': '换领', en: 'Renewal' }, amountFen: 2000, basis: 'b' },
        { code: 'replacement', name: { 'zh-CN': '补领', en: 'Replacement' }, amountFen: 4000, basis: 'b' },
      ],
      exemptions: [{ code: 'hardship', name: { 'zh-CN': '困难', en: 'Hardship' }, payPercent: 50, basis: 'b' }],
    };
    const context = { facts: {} } as unknown as FlowContext;
    expect(feeDue({ id: 'pay', labelKey: 'k', fee }, context, 's').totalFen).toBe(6000);
    const replacement = feeDue({ id: 'pay', labelKey: 'k', fee, itemCodes: () => ['replacement'], exemption: () => 'hardship' }, context, 's');
    expect(replacement.items.map((item) => [item.code, item.amountFen])).toEqual([['replacement', 2000]]);
    expect(replacement.totalFen).toBe(2000);
  });
});
