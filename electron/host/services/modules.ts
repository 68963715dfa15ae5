/**
 * Every service module, one line each: adding a service adds its line here
 * and nothing else outside its folder (docs/adding-a-service.md).
 */
export { default as noCriminalRecord } from './no-criminal-record';
export { default as idCardProgress } from './id-card-progress';
export { default as safeDrivingCertificate } from './safe-driving-certificate';
export { default as capabilityDemo } from './capability-demo';
export { default as temporaryId } from './temporary-id';
export { default as residencePermitEndorsement } from './residence-permit-endorsement';
export { default as childIdCard } from './child-id-card';
export { default as idCardRenewal } from './id-card-renewal';
export { default as residencePermit } from './residence-permit';
export { default as driverPoints } from './driver-points';
export { default as drivingLicenceRenewal } from './driving-licence-renewal';
export { default as elderlyDriverCheck } from './elderly-driver-check';
export { default as trafficViolations } from './traffic-violations';
export { default as exitEntryProgress } from './exit-entry-progress';
export { default as exitEntryApplication } from './exit-entry-application';
export { default as exitEntryEndorsement } from './exit-entry-endorsement';
export { default as videoProxy } from './video-proxy';
