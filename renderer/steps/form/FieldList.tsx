/** A form's fields as large rows: the label, what was entered (or 未填写) and the host's error for it; touching a row edits it. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField, FormValues } from '../../../electron/contract';
import { describeValue } from './format';
import { useRegions } from './regions';

export interface FieldListProps {
  fields: readonly FormField[];
  values: FormValues;
  /** Error keys by field id (the host's, for fields not changed since). */
  errors: Readonly<Record<string, string>>;
  onEdit: (id: string) => void;
  disabled: boolean;
}

/** `form-field-<id>` buttons, each with `form-value-<id>` and, when wrong, `form-error-<id>`. */
export function FieldList({ fields, values, errors, onEdit, disabled }: FieldListProps): ReactElement {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const table = regions.status === 'ready' ? regions.table : null;
  return (
    <ul className="form-fields">
      {fields.map((field) => {
        const shown = describeValue(field, values[field.id], t, i18n.language, table);
        const error = errors[field.id];
        return (
          <li key={field.id}>
            <button
              type="button"
              className={['form-field', error ? 'form-field--error' : null].filter(Boolean).join(' ')}
              data-testid={`form-field-${field.id}`}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `form-error-${field.id}` : undefined}
              onClick={() => onEdit(field.id)}
            >
              <span className="form-field__label">
                {t(field.labelKey)}
                {field.required ? null : <span className="form-field__optional">{t('flow.form.optional')}</span>}
              </span>
              <span className={shown ? 'form-field__value' : 'form-field__value form-field__value--empty'} data-testid={`form-value-${field.id}`}>
                {shown || t('flow.form.empty')}
              </span>
              {error ? (
                <span className="form-error" id={`form-error-${field.id}`} data-testid={`form-error-${field.id}`}>
                  {t(error)}
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
