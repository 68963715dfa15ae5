/** Which service is done for whom, in one line: the service's name and the principal's masked ID number (as the hall's case view has them). */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyCaseView } from '../../../electron/contract/proxy';

/** `data-testid="proxy-case"`. */
export function CaseLine({ view }: { view: ProxyCaseView }): ReactElement {
  const { t, i18n } = useTranslation();
  const service = i18n.language === 'en' ? view.serviceName.en : view.serviceName['zh-CN'];
  return (
    <p className="proxy-case" data-testid="proxy-case">
      <span>{t('flow.proxyCall.forService', { service })}</span>
      <span>{t('flow.proxyCall.principal', { id: view.principal.idNumberMasked })}</span>
    </p>
  );
}
