/** 无犯罪记录证明: the first service with a kiosk flow. */
export { createNoCriminalRecordService } from './service';
export { createNoCriminalRecordMachine, type NoCriminalRecordDeps, type NoCriminalRecordMachine } from './machine';
export type { CertificatePrinter, CertificateRequest, CertificatePrintOutcome } from './certificate-printer';
export { SERVICE_ID, SERVICE_NAME, STEPS, PURPOSES, DEFAULT_HOME_PROVINCE_CODE, MAX_QUERY_ATTEMPTS, idDocumentTypeOf } from './definition';
export { routePerson, routeAnswer, certificateIssuable, mayPrint, type PersonRoute, type AnswerRoute } from './rules';
