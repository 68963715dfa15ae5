/** The host's verdict on a standard photo, rule by rule (a kiosk photo or a studio's): what failed and what was measured. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoRuleResult } from '../../../electron/contract';

/** `data-testid="photo-rule-<rule>"` per rule, with `data-passed`. */
export function PhotoRules({ rules }: { rules: readonly PhotoRuleResult[] }): ReactElement {
  const { t } = useTranslation();
  return (
    <ul className="photo-result__rules">
      {rules.map((rule) => (
        <li key={rule.rule} className={`photo-result__rule--${rule.passed ? 'passed' : 'failed'}`} data-testid={`photo-rule-${rule.rule}`} data-passed={rule.passed}>
          {t(`photo.rule.${rule.rule}`)}
          {rule.passed ? '' : ` — ${t('photo.measured', { measured: rule.measured ?? '–', range: rangeText(rule) })}`}
        </li>
      ))}
    </ul>
  );
}

function rangeText(rule: PhotoRuleResult): string {
  if (rule.min !== null && rule.max !== null) return rule.min === rule.max ? `${rule.min}` : `${rule.min}–${rule.max}`;
  if (rule.min !== null) return `≥ ${rule.min}`;
  if (rule.max !== null) return `≤ ${rule.max}`;
  return '–';
}
