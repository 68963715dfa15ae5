/** 上一页 / 下一页 between the pages of an elder-mode form, and which page this is. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TouchButton } from '../../ui/TouchButton';
import type { FieldPages } from './use-field-pages';

/** `form-page` (text "第 1 / 3 页"), `form-page-previous`, `form-page-next`; nothing when the form has one page. */
export function PageNav({ pages, disabled }: { pages: FieldPages; disabled: boolean }): ReactElement | null {
  const { t } = useTranslation();
  if (pages.count <= 1) return null;
  return (
    <div className="form-pages">
      <TouchButton variant="secondary" data-testid="form-page-previous" disabled={disabled || pages.isFirst} onPress={pages.previous}>
        {t('flow.form.previousPage')}
      </TouchButton>
      <span className="form-pages__at" data-testid="form-page" aria-live="polite">
        {t('flow.form.pageOf', { page: pages.page + 1, pages: pages.count })}
      </span>
      <TouchButton variant={pages.isLast ? 'secondary' : 'primary'} data-testid="form-page-next" disabled={disabled || pages.isLast} onPress={pages.next}>
        {t('flow.form.nextPage')}
      </TouchButton>
    </div>
  );
}
