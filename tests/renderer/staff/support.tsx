/** Renders staff screens with the full catalogue against the strict mock host. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Language } from '../../../renderer/i18n';

export function renderStaff(ui: ReactElement, language: Language = 'zh-CN') {
  const i18n = createI18n(language);
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}

export const officer = { staffNumber: '100234', nameMasked: '王**', role: 'officer' as const };
