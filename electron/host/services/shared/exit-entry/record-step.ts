/**
 * The step every 出入境 service starts its business with: the 出入境 record
 * of the person identified (fact `record`). A person the back-end restricts
 * goes to the counter with a discreet reason (the kiosk never says why); a
 * failed call → another try (then the counter, as every query); a record →
 * where the service's own rules send it.
 */
import { factOf, queryStep, routeFailure, type FlowContext, type FlowKit, type Route, type StepDefinition } from '../../../flows/library';
import { exitEntryRecord, type ExitEntryRecordAnswer } from './travel-documents';

export interface ExitEntryRecordStepOptions {
  labelKey: string;
  titleKey: string;
  /** The counter's reason when the back-end has no record of the person (e.g. not a resident). */
  noRecordKey: string;
  /** The counter's reason for a restricted person: says only that the counter will help. */
  restrictedKey: string;
  /** Where a record leads (e.g. the counter when an application is already being made). */
  route: (record: ExitEntryRecordAnswer, context: FlowContext) => Route | { to: 'retry' };
}

/** The record the step read, once it passed. */
export const exitEntryRecordOf = (context: FlowContext): ExitEntryRecordAnswer | undefined => factOf<ExitEntryRecordAnswer>(context, 'record');

export function exitEntryRecordStep(kit: FlowKit, options: ExitEntryRecordStepOptions): StepDefinition {
  return queryStep<ExitEntryRecordAnswer>({
    id: 'record',
    labelKey: options.labelKey,
    titleKey: options.titleKey,
    run: (context) => kit.gateway.call(exitEntryRecord, { idNumber: context.identity?.idNumber ?? '' }),
    route: (result, context) => {
      if (!result.ok) return routeFailure(result, options.noRecordKey) ?? { to: 'retry' };
      if (result.value.exitRestricted) return { to: 'counter', reasonKey: options.restrictedKey };
      return options.route(result.value, context);
    },
  });
}
