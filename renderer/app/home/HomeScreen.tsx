/** Home, step 1: the hall's service categories as big tiles. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceCategory, ServiceEntry } from '../../../electron/contract';
import { pressFeedback } from '../../ui/press';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';
import { categoriesOf, type CatalogueState } from './catalogue';
import './HomeScreen.css';

/** Props of {@link HomeScreen}. */
export interface HomeScreenProps {
  catalogue: CatalogueState;
  onChoose: (category: ServiceCategory) => void;
  onReload: () => Promise<void>;
}

/** `data-testid="home"`; tiles `category-<id>`. */
export function HomeScreen({ catalogue, onChoose, onReload }: HomeScreenProps): ReactElement {
  const { t, i18n } = useTranslation();
  useSpeakOnShow('voice.welcome');
  return (
    <section className="step home" data-testid="home" aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t('home.title')}
      </h1>
      <p className="step__subtitle">{t('home.subtitle')}</p>
      <CatalogueBody catalogue={catalogue} onReload={onReload} errorText={(key) => (i18n.exists(key) ? t(key) : t('home.loadFailed'))}>
        {(services) => (
          <ul className="tiles">
            {categoriesOf(services).map((category) => (
              <li key={category}>
                <button type="button" className="tile" data-testid={`category-${category}`} {...pressFeedback} onClick={() => onChoose(category)}>
                  <span className="tile__name">{t(`home.categories.${category}`)}</span>
                  <span className="tile__count">{t('home.serviceCount', { count: countIn(services, category) })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </CatalogueBody>
    </section>
  );
}

function countIn(services: readonly ServiceEntry[], category: ServiceCategory): number {
  return services.filter((s) => s.category === category).length;
}

/** Loading and failure states around a loaded catalogue. */
export function CatalogueBody({
  catalogue,
  onReload,
  errorText,
  children,
}: {
  catalogue: CatalogueState;
  onReload: () => Promise<void>;
  errorText: (messageKey: string) => string;
  children: (services: ServiceEntry[]) => ReactElement;
}): ReactElement {
  const { t } = useTranslation();
  switch (catalogue.kind) {
    case 'loading':
      return (
        <p className="step__note" role="status">
          {t('home.loading')}
        </p>
      );
    case 'failed':
      return (
        <div className="step__problem" role="alert" data-testid="catalogue-failed">
          <p>{errorText(catalogue.error.messageKey)}</p>
          <TouchButton variant="secondary" onPress={onReload}>
            {t('home.retry')}
          </TouchButton>
        </div>
      );
    case 'loaded':
      return catalogue.services.length === 0 ? <p className="step__note">{t('home.empty')}</p> : children(catalogue.services);
  }
}
