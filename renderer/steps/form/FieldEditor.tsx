/** One field being filled in, in place of the list: the keyboard, keypad or picker its type needs. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField, FormValue } from '../../../electron/contract';
import { TouchButton } from '../../ui/TouchButton';
import { IdNumberKeypad, LatinKeyboard, PhoneKeypad, PinyinKeyboard, PlateKeypad } from '../../ui/keyboards';
import { useKioskTimeZone } from '../../app/KioskTimeZone';
import { AddressEditor } from './AddressEditor';
import { DateEditor } from './DateEditor';
import { isAddress } from './format';

export interface FieldEditorProps {
  field: FormField;
  value: FormValue | undefined;
  /** The new value ('' clears an optional field). */
  onDone: (value: FormValue) => void;
  onCancel: () => void;
  elder: boolean;
}

/** `data-testid="field-editor-<id>"`, with `field-editor-cancel` (and `field-editor-clear` for an optional field). */
export function FieldEditor({ field, value, onDone, onCancel, elder }: FieldEditorProps): ReactElement {
  const { t } = useTranslation();
  const label = t(field.labelKey);
  const text = typeof value === 'string' ? value : '';
  const timeZone = useKioskTimeZone();
  return (
    <section className="form-editor" data-testid={`field-editor-${field.id}`} aria-label={label}>
      <h2 className="form-editor__label">{label}</h2>
      {editorOf(field, value, text, label, onDone, elder, t, timeZone)}
      <div className="form-editor__actions">
        {!field.required ? (
          <TouchButton variant="secondary" data-testid="field-editor-clear" onPress={() => onDone(field.type === 'address' ? { province: '', city: '', county: null, detail: '' } : '')}>
            {t('flow.form.clear')}
          </TouchButton>
        ) : null}
        <TouchButton variant="secondary" data-testid="field-editor-cancel" onPress={onCancel}>
          {t('flow.form.cancel')}
        </TouchButton>
      </div>
    </section>
  );
}

function editorOf(field: FormField, value: FormValue | undefined, text: string, label: string, onDone: (value: FormValue) => void, elder: boolean, t: (key: string) => string, timeZone: string): ReactElement {
  switch (field.type) {
    case 'text':
      if (field.input === 'idNumber') return <IdNumberKeypad label={label} timeZone={timeZone} defaultValue={text} elder={elder} onConfirm={onDone} />;
      if (field.input === 'plate') return <PlateKeypad label={label} defaultValue={text} elder={elder} onConfirm={onDone} />;
      // A VIN's tail: capitals and digits, no spaces (the host refuses I, O and Q).
      if (field.input === 'vinTail') return <LatinKeyboard label={label} maxLength={6} digits initialCaps defaultValue={text} elder={elder} onConfirm={(typed) => onDone(typed.toUpperCase().replace(/\s+/g, ''))} />;
      // A slip's reference code, or an ID number's last characters (X for the check character): capitals and digits, no spaces.
      if (field.input === 'code' || field.input === 'idNumberTail')
        return <LatinKeyboard label={label} maxLength={field.maxLength} digits initialCaps defaultValue={text} elder={elder} onConfirm={(typed) => onDone(typed.toUpperCase().replace(/\s+/g, ''))} />;
      return field.input === 'latin' ? (
        <LatinKeyboard label={label} maxLength={field.maxLength} defaultValue={text} initialCaps elder={elder} onConfirm={(typed) => onDone(typed.toUpperCase().replace(/\s+/g, ' '))} />
      ) : (
        <PinyinKeyboard label={label} mode={field.input === 'chineseName' ? 'name' : 'address'} maxLength={field.maxLength} defaultValue={text} elder={elder} onConfirm={onDone} />
      );
    case 'choice':
      return (
        <div className="form-grid form-grid--choices" role="group" aria-label={label}>
          {field.options.map((option) => (
            <TouchButton key={option.value} variant={value === option.value ? 'primary' : 'secondary'} aria-pressed={value === option.value} data-testid={`field-option-${option.value}`} onPress={() => onDone(option.value)}>
              {t(option.labelKey)}
            </TouchButton>
          ))}
        </div>
      );
    case 'date':
      return <DateEditor field={field} value={text || undefined} onDone={onDone} />;
    case 'phone':
      return <PhoneKeypad label={label} defaultValue={text} elder={elder} onConfirm={onDone} />;
    case 'address':
      return <AddressEditor field={field} value={isAddress(value) ? value : undefined} elder={elder} onDone={onDone} />;
    default: {
      const unknown: never = field;
      return unknown;
    }
  }
}
