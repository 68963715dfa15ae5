/**
 * A calendar date with large targets instead of a native date picker: the
 * year typed on the digit pad (four digits), then one of twelve months,
 * then one of the month's days; what lies outside the field's bounds cannot
 * be touched.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { daysInMonth } from '../../../domain/calendar-date';
import type { FormField } from '../../../electron/contract';
import { TouchButton } from '../../ui/TouchButton';
import { DigitPad } from '../../ui/keyboards/shared/DigitPad';
import { formatDate } from './format';

type DateField = Extract<FormField, { type: 'date' }>;

export interface DateEditorProps {
  field: DateField;
  value: string | undefined;
  onDone: (iso: string) => void;
}

/** January…December in English; 1月…12月 come from the catalogue. */
const monthName = (month: number, language: string) => new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;

/** `data-testid="date-editor"`: `date-keypad-key-<d>`, `date-year-next`, `date-month-<m>`, `date-day-<d>`. */
export function DateEditor({ field, value, onDone }: DateEditorProps): ReactElement {
  const { t, i18n } = useTranslation();
  const initial = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.split('-').map(Number) : null;
  const [stage, setStage] = useState<'year' | 'month' | 'day'>('year');
  const [yearText, setYearText] = useState(initial ? String(initial[0]) : '');
  const [month, setMonth] = useState(initial ? initial[1]! : 1);
  const year = Number(yearText);
  const minYear = Number(field.min.slice(0, 4));
  const maxYear = Number(field.max.slice(0, 4));
  const yearOk = yearText.length === 4 && year >= minYear && year <= maxYear;
  const inRange = (from: string, to: string) => to >= field.min && from <= field.max;
  const range = t('flow.form.date.range', { min: formatDate(field.min, i18n.language), max: formatDate(field.max, i18n.language) });

  switch (stage) {
    case 'year':
      return (
        <div className="form-date" data-testid="date-editor">
          <p className="form-date__prompt">{t('flow.form.date.typeYear')}</p>
          <output className="form-date__year" data-testid="date-year-display">
            {yearText.padEnd(4, '_')}
          </output>
          <p className={yearText.length === 4 && !yearOk ? 'form-error' : 'form-date__range'} role="status">
            {yearText.length === 4 && !yearOk ? t('flow.form.date.yearOutOfRange') : range}
          </p>
          <DigitPad
            testIdPrefix="date-keypad"
            onChar={(d) => setYearText((yearText + d).slice(0, 4))}
            onBackspace={() => setYearText(yearText.slice(0, -1))}
            digitsDisabled={yearText.length >= 4}
            backspaceDisabled={yearText.length === 0}
          />
          <TouchButton data-testid="date-year-next" disabled={!yearOk} onPress={() => setStage('month')}>
            {t('flow.form.date.chooseMonth')}
          </TouchButton>
        </div>
      );
    case 'month':
      return (
        <div className="form-date" data-testid="date-editor">
          <p className="form-date__prompt">
            {t('flow.form.date.yearOf', { year })} · {t('flow.form.date.chooseMonth')}
          </p>
          <div className="form-grid form-grid--months" role="group">
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <TouchButton
                key={m}
                variant={m === month ? 'primary' : 'secondary'}
                data-testid={`date-month-${m}`}
                disabled={!inRange(isoOf(year, m, 1), isoOf(year, m, daysInMonth(year, m)))}
                onPress={() => {
                  setMonth(m);
                  setStage('day');
                }}
              >
                {i18n.language === 'en' ? monthName(m, 'en') : t('flow.form.date.monthName', { month: m })}
              </TouchButton>
            ))}
          </div>
          <TouchButton variant="secondary" data-testid="date-change-year" onPress={() => setStage('year')}>
            {t('flow.form.date.changeYear')}
          </TouchButton>
        </div>
      );
    case 'day':
      return (
        <div className="form-date" data-testid="date-editor">
          <p className="form-date__prompt">
            {t('flow.form.date.monthOf', { year, month, monthName: monthName(month, i18n.language) })} · {t('flow.form.date.chooseDay')}
          </p>
          <div className="form-grid form-grid--days" role="group">
            {Array.from({ length: daysInMonth(year, month) }, (_, i) => i + 1).map((d) => {
              const iso = isoOf(year, month, d);
              return (
                <TouchButton key={d} variant={iso === value ? 'primary' : 'secondary'} data-testid={`date-day-${d}`} disabled={!inRange(iso, iso)} onPress={() => onDone(iso)}>
                  {d}
                </TouchButton>
              );
            })}
          </div>
          <TouchButton variant="secondary" data-testid="date-change-month" onPress={() => setStage('month')}>
            {t('flow.form.date.changeMonth')}
          </TouchButton>
        </div>
      );
    default: {
      const unknown: never = stage;
      return unknown;
    }
  }
}
