import { useTranslation } from 'react-i18next';

/** One button that switches between Chinese and English; labelled in the other language, as the kiosk does. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" className="button button--quiet" lang={next} aria-label={`${t('app.language')}: ${t('app.switchTo')}`} onClick={() => void i18n.changeLanguage(next)}>
      {t('app.switchTo')}
    </button>
  );
}
