/** Step 2: the services of one category, a page at a time, greyed with the host's reason where unavailable. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceCategory, ServiceEntry } from '../../../electron/contract';
import type { Language } from '../../i18n';
import { TouchButton } from '../../ui/TouchButton';
import { useSpeakOnShow } from '../../voice/VoiceContext';
import { paginate, pageSize, type CatalogueState } from './catalogue';
import { CatalogueBody } from './HomeScreen';
import { ServiceCard } from './ServiceCard';
import './CategoryScreen.css';

/** Props of {@link CategoryScreen}. */
export interface CategoryScreenProps {
  catalogue: CatalogueState;
  category: ServiceCategory;
  page: number;
  elderMode: boolean;
  onPage: (page: number) => void;
  onChoose: (service: ServiceEntry) => void;
  /** A greyed service was touched: say why (counts as an error of this step). */
  onUnavailable: (reasonKey: string) => void;
  onReload: () => Promise<void>;
}

/** `data-testid="category"`; cards `service-<id>`; paging `page-prev` / `page-next`. */
export function CategoryScreen(props: CategoryScreenProps): ReactElement {
  const { catalogue, category, elderMode } = props;
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  useSpeakOnShow('voice.category');
  const categoryName = t(`home.categories.${category}`);
  return (
    <section className="step category" data-testid="category" data-category={category} aria-labelledby="step-title">
      <h1 id="step-title" className="step__title">
        {t('category.title', { category: categoryName })}
      </h1>
      <CatalogueBody catalogue={catalogue} onReload={props.onReload} errorText={(key) => (i18n.exists(key) ? t(key) : t('home.loadFailed'))}>
        {(services) => {
          const shown = paginate(
            services.filter((s) => s.category === category),
            props.page,
            pageSize(elderMode),
          );
          return (
            <>
              <ul className="services">
                {shown.items.map((service) => (
                  <li key={service.id}>
                    <ServiceCard service={service} language={language} onChoose={props.onChoose} onUnavailable={props.onUnavailable} />
                  </li>
                ))}
              </ul>
              {shown.pages > 1 ? (
                <div className="pager">
                  <TouchButton variant="secondary" data-testid="page-prev" disabled={shown.page === 0} onPress={() => props.onPage(shown.page - 1)}>
                    {t('category.previous')}
                  </TouchButton>
                  <span className="pager__label" data-testid="page-label">
                    {t('category.page', { page: shown.page + 1, pages: shown.pages })}
                  </span>
                  <TouchButton variant="secondary" data-testid="page-next" disabled={shown.page >= shown.pages - 1} onPress={() => props.onPage(shown.page + 1)}>
                    {t('category.next')}
                  </TouchButton>
                </div>
              ) : null}
            </>
          );
        }}
      </CatalogueBody>
    </section>
  );
}
