/**
 * This service's decisions, as pure functions (table-tested): where a
 * person's registration and record query lead.
 *
 * 公安部《公安机关办理犯罪记录查询工作规定》(2021-12-31): a person may apply
 * at the 派出所 of their 户籍地 or of their 居住地 (跨省通办). So a resident
 * registered in another province is served at this hall's counter with a
 * queue ticket, not sent home; one holding a 居住证 here goes on at the
 * kiosk when the back-end says so.
 */
import type { CriminalRecordAnswer, CriminalRecordResult, GatewayResult, PersonRecord } from '../../gateway/police-gateway';

/** Where the registration lookup leads. */
export type PersonRoute = 'eligible' | 'outOfProvince' | 'foreigner' | 'counterOnly' | 'notFound' | 'backendProblem';

/** Routes a lookup answer: 户籍 in the home province, or a 居住证 the back-end accepts here, continues. */
export function routePerson(result: GatewayResult<PersonRecord>, homeProvinceCode: string): PersonRoute {
  if (!result.ok) return result.error.kind === 'notFound' ? 'notFound' : 'backendProblem';
  const person = result.value;
  switch (person.holder) {
    case 'foreigner':
      return 'foreigner';
    case 'hmt':
      return 'counterOnly';
    case 'resident':
      if (!person.registeredResidence) return 'counterOnly';
      if (person.registeredResidence.provinceCode === homeProvinceCode) return 'eligible';
      return person.residencePermitHere === true ? 'eligible' : 'outOfProvince';
    default: {
      const unknown: never = person.holder;
      return unknown;
    }
  }
}

/** Results that get the certificate: none, or a sealed juvenile record (DOMAIN.md §4). */
export function certificateIssuable(result: CriminalRecordResult): boolean {
  switch (result) {
    case 'noRecord':
    case 'sealedJuvenile':
      return true;
    case 'record':
    case 'needsReview':
      return false;
    default: {
      const unknown: never = result;
      return unknown;
    }
  }
}

/** Where a record query leads. */
export type AnswerRoute = 'certificate' | 'counter' | 'notFound' | 'retryable';

/** Routes a query answer. */
export function routeAnswer(result: GatewayResult<CriminalRecordAnswer>): AnswerRoute {
  if (!result.ok) return result.error.kind === 'notFound' ? 'notFound' : 'retryable';
  return certificateIssuable(result.value.result) ? 'certificate' : 'counter';
}
