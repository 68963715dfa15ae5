/**
 * A form's ID number field (another person's number, e.g. a child's): typed
 * on the ID keypad, which checks the number as it is typed; shown back in
 * the field list masked; sent as typed; the host's error in red on its row.
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlowStepData } from '../../../electron/contract';
import { fixtureViews } from '../../../renderer/api/fixture-service';
import { renderFlowStep } from '../flows/support';
import { viewOf } from '../flows/views';

type FormData = Extract<FlowStepData, { step: 'form' }>;
const CHILD = '410402201806150027';
const form = (over: Partial<FormData> = {}) => {
  const base = fixtureViews.form().data as FormData;
  // The fixture's name label stands in for the service's own.
  const labelKey = base.fields[0]!.labelKey;
  return viewOf({ ...base, fields: [{ id: 'idNumber', type: 'text', input: 'idNumber', maxLength: 18, labelKey, required: true }], values: {}, errors: {}, ...over }, ['SUBMIT_FORM']);
};
const press = (id: string) => fireEvent.click(screen.getByTestId(id));

describe('form step: an ID number field', () => {
  it('types the number on the ID keypad, shows it back masked and sends it as typed', () => {
    const { send } = renderFlowStep(form());
    press('form-field-idNumber');
    for (const c of CHILD.slice(0, 17)) press(`id-keypad-key-${c}`);
    press('id-keypad-key-8');
    // A wrong check character: the keypad will not confirm it.
    expect(screen.getByTestId('id-keypad-confirm')).toBeDisabled();
    press('id-keypad-backspace');
    press('id-keypad-key-7');
    press('id-keypad-confirm');
    expect(screen.getByTestId('form-value-idNumber')).toHaveTextContent('4104**********0027');
    expect(screen.getByTestId('form-value-idNumber')).not.toHaveTextContent(CHILD);
    press('form-submit');
    expect(send).toHaveBeenCalledWith({ type: 'SUBMIT_FORM', values: { idNumber: CHILD } });
  });

  it("shows the host's refusal on the row", () => {
    renderFlowStep(form({ values: { idNumber: '410402201806150028' }, errors: { idNumber: 'flow.form.error.idNumber' } }));
    expect(screen.getByTestId('form-error-idNumber')).toHaveTextContent('身份证号码不对，请核对后重新输入');
  });
});
