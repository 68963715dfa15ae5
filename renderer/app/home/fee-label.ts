/** The fee line of a service on the home screen: free, one amount, or the range a choice in the flow decides. */
import type { ServiceEntry } from '../../../electron/contract';
import type { Language } from '../../i18n';
import { formatFee, formatFeeRange } from './format';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** e.g. 免费 / 费用：¥10.00 / 费用：20–40元 (换领 20 元 or 补领 40 元). */
export function feeLabel(service: Pick<ServiceEntry, 'feeFen' | 'feeMaxFen'>, language: Language, t: Translate): string {
  if (service.feeMaxFen !== undefined && service.feeMaxFen > service.feeFen) return t('category.fee', { fee: formatFeeRange(service.feeFen, service.feeMaxFen, language) });
  return service.feeFen === 0 ? t('category.free') : t('category.fee', { fee: formatFee(service.feeFen, language) });
}
