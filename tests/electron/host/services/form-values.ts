/** Values a form's declaration accepts, for walking a flow past its form and delivery steps. */
import type { FormField, FormValues } from '../../../../electron/contract';

/** One valid value for each field (required or not). */
export function validFormValues(fields: readonly FormField[]): FormValues {
  return Object.fromEntries(fields.map((field) => [field.id, validValue(field)]));
}

function validValue(field: FormField): FormValues[string] {
  switch (field.type) {
    case 'text':
      // An ID number field asks for another person's number: 陈小雨's, the sandbox's child of 陈思远.
      if (field.input === 'idNumber') return '410402201806150027';
      // 许磊's car (resources: shared/traffic/sandbox.json) and its VIN's tail.
      if (field.input === 'plate') return '豫D12345';
      if (field.input === 'vinTail') return '184571';
      // A slip's reference no back-end knows, and an ID number's tail (陈思远's).
      if (field.input === 'code') return '1234567890'.slice(0, field.maxLength);
      if (field.input === 'idNumberTail') return '1011230'.slice(-field.maxLength);
      return (field.input === 'latin' ? 'CHEN SIYUAN' : '陈思远').slice(0, field.maxLength).trim();
    case 'choice':
      return field.options[0]!.value;
    case 'date':
      return field.max;
    case 'phone':
      return '13800138000';
    case 'address':
      return { province: '440000', city: '440300', county: '440305', detail: '科技园路1号'.slice(0, field.detailMaxLength) };
    default: {
      const unknown: never = field;
      return unknown;
    }
  }
}
