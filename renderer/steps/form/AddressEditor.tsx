/**
 * An address: the region drilled down province → city → county (GB/T 2260,
 * the lazily loaded table; a city without counties stops at the city), then
 * the detail line typed with the pinyin keyboard.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { citiesOf, countiesOf, provinces, type RegionEntry, type RegionTable } from '../../../domain/region';
import type { AddressValue, FormField } from '../../../electron/contract';
import { TouchButton } from '../../ui/TouchButton';
import { PinyinKeyboard } from '../../ui/keyboards';
import { useRegions } from './regions';

type AddressField = Extract<FormField, { type: 'address' }>;

export interface AddressEditorProps {
  field: AddressField;
  value: AddressValue | undefined;
  onDone: (value: AddressValue) => void;
  elder?: boolean;
}

type Picked = { province: string | null; city: string | null; county: string | null };

/** `data-testid="address-editor"`: `region-<code>` buttons per level, then `address-region` and the pinyin keyboard. */
export function AddressEditor({ field, value, onDone, elder }: AddressEditorProps): ReactElement {
  const { t } = useTranslation();
  const regions = useRegions();
  const hasRegion = Boolean(value?.province && value.city);
  const [picked, setPicked] = useState<Picked>(hasRegion ? { province: value!.province, city: value!.city, county: value!.county } : { province: null, city: null, county: null });
  const [stage, setStage] = useState<'province' | 'city' | 'county' | 'detail'>(hasRegion ? 'detail' : 'province');

  if (regions.status !== 'ready') {
    return (
      <div className="form-address" data-testid="address-editor">
        <p role="status" className={regions.status === 'failed' ? 'form-error' : undefined}>
          {t(regions.status === 'failed' ? 'flow.form.address.loadFailed' : 'flow.form.address.loading')}
        </p>
      </div>
    );
  }
  const table = regions.table;
  const level = (titleKey: string, entries: RegionEntry[], pick: (code: string) => void): ReactElement => (
    <div className="form-address" data-testid="address-editor">
      <p className="form-address__prompt">{t(titleKey)}</p>
      {picked.province ? (
        <p className="form-address__path" data-testid="address-path">
          {pathOf(table, picked)}
        </p>
      ) : null}
      <div className="form-grid form-grid--regions" role="group">
        {entries.map((entry) => (
          <TouchButton key={entry.code} variant="secondary" data-testid={`region-${entry.code}`} onPress={() => pick(entry.code)}>
            {entry.name}
          </TouchButton>
        ))}
      </div>
      {stage !== 'province' ? (
        <TouchButton variant="secondary" data-testid="address-again" onPress={() => restart()}>
          {t('flow.form.address.again')}
        </TouchButton>
      ) : null}
    </div>
  );
  const restart = () => {
    setPicked({ province: null, city: null, county: null });
    setStage('province');
  };

  switch (stage) {
    case 'province':
      return level('flow.form.address.chooseProvince', provinces(table), (province) => {
        setPicked({ province, city: null, county: null });
        setStage('city');
      });
    case 'city':
      return level('flow.form.address.chooseCity', citiesOf(table, picked.province!), (city) => {
        const hasCounties = countiesOf(table, city).length > 0;
        setPicked({ ...picked, city, county: null });
        setStage(hasCounties ? 'county' : 'detail');
      });
    case 'county':
      return level('flow.form.address.chooseCounty', countiesOf(table, picked.city!), (county) => {
        setPicked({ ...picked, county });
        setStage('detail');
      });
    case 'detail':
      return (
        <div className="form-address" data-testid="address-editor">
          <p className="form-address__path" data-testid="address-region">
            {pathOf(table, picked)}
          </p>
          <TouchButton variant="secondary" data-testid="address-again" onPress={() => restart()}>
            {t('flow.form.address.again')}
          </TouchButton>
          <p className="form-address__prompt">{t('flow.form.address.typeDetail')}</p>
          <PinyinKeyboard
            mode="address"
            label={t('flow.form.address.detail')}
            maxLength={field.detailMaxLength}
            defaultValue={value?.detail ?? ''}
            elder={elder}
            onConfirm={(detail) => onDone({ province: picked.province!, city: picked.city!, county: picked.county, detail })}
          />
        </div>
      );
    default: {
      const unknown: never = stage;
      return unknown;
    }
  }
}

/** The levels picked so far, by name (广东省 深圳市). */
function pathOf(table: RegionTable, picked: Picked): string {
  return [picked.province, picked.city, picked.county]
    .filter((code): code is string => code !== null)
    .map((code) => table.names[code] ?? '')
    .join(' ');
}
