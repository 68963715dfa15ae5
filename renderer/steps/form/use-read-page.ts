/**
 * Elder mode reads a form page aloud: the step's prompt, which page this is
 * and the labels of its fields, again on each page turn. Speech synthesis
 * says the words; a kiosk with only the pre-built clips (labels have none)
 * plays the step prompt's clip instead.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSay, type VoiceKey } from '../../voice/VoiceContext';
import type { FieldPages } from './use-field-pages';

export function useReadPage(promptKey: VoiceKey | null, pages: FieldPages, elderMode: boolean): void {
  const say = useSay();
  const { t } = useTranslation();
  const labels = pages.fields.map((field) => t(field.labelKey)).join(t('flow.form.listSeparator'));
  const prompt = promptKey ? t(promptKey) : '';
  const page = pages.count > 1 ? t('flow.form.readPage', { page: pages.page + 1, pages: pages.count }) : '';
  const text = [prompt, page, t('flow.form.readFields', { labels })].filter(Boolean).join(' ');
  useEffect(() => {
    if (elderMode && promptKey) say(promptKey, text);
    // Said when the page (or its language) changes, not when the volume does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [elderMode, promptKey, text]);
}
