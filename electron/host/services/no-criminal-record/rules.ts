/**
 * This service's decisions, as pure functions (table-tested): where a
 * person's lookup and record query lead, and when a certificate may print.
 */
import { mayQuery } from '../../flows/guards';
import type { CriminalRecordAnswer, CriminalRecordResult, GatewayResult, PersonRecord } from '../../gateway/police-gateway';
import type { NcrContext } from './context';

/** Where the identity lookup leads. */
export type PersonRoute = 'eligible' | 'outOfProvince' | 'foreigner' | 'counterOnly' | 'notFound' | 'backendProblem';

/** Routes a lookup answer: 户籍 in the home province continues; others are sent where they can apply. */
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
      return person.registeredResidence.provinceCode === homeProvinceCode ? 'eligible' : 'outOfProvince';
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

/** The certificate may print: verified, a purpose, and an answer that allows it. */
export function mayPrint(context: NcrContext): boolean {
  return mayQuery(context) && context.answer !== null && certificateIssuable(context.answer.result);
}
