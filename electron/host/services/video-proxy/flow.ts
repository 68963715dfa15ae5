/**
 * 可视化代办, the agent's flow: identify (the agent's own card; a typed
 * number is not enough) → consent (the call is recorded, the agent's face
 * and voice included; declining goes to the counter) → the service to do
 * for the principal (those that allow proxy and are available now) → the
 * principal's ID number and mobile (not the agent's own number) → the call
 * (proxyCall). Approved: the host starts the chosen service for the
 * principal under the mandate; refused, dropped or expired: nothing done.
 */
import { chosen, choiceStep, consentStep, formStep, formValues, identifyStep, proxyCallStep, type FlowContext, type FlowKit, type FlowPlan } from '../../flows/library';
import { identityFromTyped } from '../../session/identity';
import { wording } from './wording';

export const SERVICE_ID = 'video-proxy';
const key = (path: string) => `svc.${SERVICE_ID}.${path}`;
const named = new Set(Object.keys((wording['zh-CN'].services ?? {}) as Record<string, string>));

/** The services offered: those the host says allow proxy now, each named in this service's words. */
export function offeredServices(kit: FlowKit): Array<{ value: string; labelKey: string }> {
  return (kit.proxy?.services() ?? []).filter((service) => named.has(service.id)).map((service) => ({ value: service.id, labelKey: key(`services.${service.id}`) }));
}

const principalOf = (context: FlowContext): { idNumber: string; mobile: string } | null => {
  const values = formValues(context, 'principal');
  const idNumber = values?.idNumber;
  const mobile = values?.mobile;
  return typeof idNumber === 'string' && typeof mobile === 'string' ? { idNumber: idNumber.toUpperCase(), mobile } : null;
};

export function videoProxyFlow(kit: FlowKit): FlowPlan {
  return {
    steps: [
      identifyStep({ cardOnly: { messageKey: key('identify.cardRequired') } }),
      consentStep({
        labelKey: key('steps.consent'),
        textKey: key('consent.text'),
        scopeKeys: [key('consent.scope.recording'), key('consent.scope.principal'), key('consent.scope.signature')],
        declined: { to: 'counter', reasonKey: key('counter.declined') },
      }),
      choiceStep({ id: 'service', labelKey: key('steps.service'), titleKey: key('service.title'), options: () => offeredServices(kit), back: true }),
      formStep({
        id: 'principal',
        labelKey: key('steps.principal'),
        titleKey: key('principal.title'),
        back: true,
        fields: [
          { id: 'idNumber', labelKey: key('principal.idNumber'), type: 'text', input: 'idNumber', maxLength: 18 },
          { id: 'mobile', labelKey: key('principal.mobile'), type: 'phone' },
        ],
        // Nobody acts for themselves: the principal is another person.
        refine: (values, context): Record<string, string> =>
          typeof values.idNumber === 'string' && context.identity && values.idNumber.toUpperCase() === context.identity.idNumber.toUpperCase() ? { idNumber: key('principal.ownNumber') } : {},
      }),
      proxyCallStep({
        labelKey: key('steps.call'),
        serviceOf: (context) => chosen(context, 'service'),
        principalOf,
        principalIdentity: (idNumber) => identityFromTyped(idNumber, kit.now(), kit.timeZone) ?? null,
        hallLostReasonKey: key('counter.hallLost'),
      }),
    ],
  };
}
