/**
 * The step every 车驾管 service starts its business with: the driver record
 * of the person identified (fact `record`). No licence → the counter with
 * the service's reason; a failed call → another try (then the counter, as
 * every query); a record → where the service's own rules send it.
 */
import { factOf, queryStep, routeFailure, type FlowContext, type FlowKit, type Route, type StepDefinition } from '../../../flows/library';
import { driverRecord, type DriverRecordAnswer } from './driver-record';

export interface DriverRecordStepOptions {
  labelKey: string;
  titleKey: string;
  /** The counter's reason when the back-end holds no licence for the person. */
  noLicenceKey: string;
  /** Where a record leads (e.g. the counter when the licence cannot be used here). */
  route: (record: DriverRecordAnswer, context: FlowContext) => Route | { to: 'retry' };
}

/** The record the step read, once it passed. */
export const driverRecordOf = (context: FlowContext): DriverRecordAnswer | undefined => factOf<DriverRecordAnswer>(context, 'record');

export function driverRecordStep(kit: FlowKit, options: DriverRecordStepOptions): StepDefinition {
  return queryStep<DriverRecordAnswer>({
    id: 'record',
    labelKey: options.labelKey,
    titleKey: options.titleKey,
    run: (context) => kit.gateway.call(driverRecord, { idNumber: context.identity?.idNumber ?? '' }),
    route: (result, context) => (result.ok ? options.route(result.value, context) : (routeFailure(result, options.noLicenceKey) ?? { to: 'retry' })),
  });
}
