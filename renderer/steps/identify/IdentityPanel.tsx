/** The identity the host read or checked, on the citizen's own screen: name, document, number. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowIdentity } from '../../../electron/contract';
import '../details/facts.css';

/** `data-testid="identity-panel"` with `identity-name` and `identity-number`. */
export function IdentityPanel({ identity }: { identity: FlowIdentity }): ReactElement {
  const { t } = useTranslation();
  return (
    <dl className="flow-facts" data-testid="identity-panel">
      <div className="flow-facts__row">
        <dt>{t('flow.identify.name')}</dt>
        <dd data-testid="identity-name">{identity.name ?? t('flow.identify.nameTyped')}</dd>
      </div>
      <div className="flow-facts__row">
        <dt>{t('flow.identify.document')}</dt>
        <dd>{t(`flow.identify.cardType.${identity.cardType ?? 'resident'}`)}</dd>
      </div>
      <div className="flow-facts__row">
        <dt>{t('flow.identify.number')}</dt>
        <dd className="flow-facts__number" data-testid="identity-number">
          {identity.idNumberMasked}
        </dd>
      </div>
    </dl>
  );
}
