/**
 * The back-end calls of 驾驶证换证/补证. It has no operation of its own: it
 * reads the shared driver record (shared/traffic: the licence, its status
 * and validity, the points, the latest 电子体检信息) and decides eligibility
 * on the host (rules.ts); for 期满换证 it reads the shared
 * `traffic-violations` by licence (审验: only how many are unhandled is
 * used, review-check.ts); the application goes with the step library's
 * payment and submit steps (the shared submission, a 受理编号 back).
 */
import { driverRecord } from '../shared/traffic/driver-record';
import { trafficViolations } from '../shared/traffic/violations';

/** The operations the sandbox serves for this service (a shared one once, whoever lists it). */
export const RENEWAL_BACKEND = [driverRecord, trafficViolations] as const;
