/**
 * The form screen: the service's fields as rows, each filled in with the
 * input its type needs (pinyin or Latin keyboard, big option buttons, a
 * digit-pad year then month and day grids, the phone keypad, a province →
 * city → county drill-down then the detail line), sent to the host in one
 * SUBMIT_FORM; the host's errors in red on their rows.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlowStepData } from '../../../electron/contract';
import { fixtureViews } from '../../../renderer/api/fixture-service';
import { renderFlowStep } from '../flows/support';
import { viewOf } from '../flows/views';

type FormData = Extract<FlowStepData, { step: 'form' }>;
const base = () => fixtureViews.form().data as FormData;
const formView = (over: Partial<FormData> = {}, accepts: Array<'SUBMIT_FORM' | 'BACK'> = ['SUBMIT_FORM', 'BACK']) => viewOf({ ...base(), ...over }, accepts);

const press = (id: string) => fireEvent.click(screen.getByTestId(id));
const typeKeys = (prefix: string, text: string) => Array.from(text).forEach((c) => press(`${prefix}-key-${c}`));

describe('form step', () => {
  it('lists the fields with their labels, the pre-filled name and what is still empty', () => {
    const { view } = renderFlowStep(formView());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('请填写申请信息');
    expect(screen.getByTestId('form-field-name')).toHaveTextContent('姓名');
    expect(screen.getByTestId('form-value-name')).toHaveTextContent('陈思远');
    expect(screen.getByTestId('form-value-phone')).toHaveTextContent('未填写');
    expect(screen.getByTestId('form-field-pinyin')).toHaveTextContent('（选填）');
    expect(view.voice.keys()).toEqual(['voice.flow.form']);
  });

  it('fills in a choice, a date, a phone number and a name in pinyin, then sends them all', async () => {
    const { send } = renderFlowStep(formView());
    press('form-field-reason');
    press('field-option-damaged');
    expect(screen.getByTestId('form-value-reason')).toHaveTextContent('损坏');

    press('form-field-moved');
    expect(screen.getByTestId('date-editor')).toHaveTextContent('可选日期：2000年1月1日 至 2026年12月1日');
    typeKeys('date-keypad', '1999');
    // 1999 is before the first allowed date.
    expect(screen.getByTestId('date-year-next')).toBeDisabled();
    expect(screen.getByTestId('date-editor')).toHaveTextContent('年份不在可选范围内');
    for (let i = 0; i < 4; i++) press('date-keypad-backspace');
    typeKeys('date-keypad', '2026');
    expect(screen.getByTestId('date-year-display')).toHaveTextContent('2026');
    press('date-year-next');
    // Only up to December 1st 2026.
    expect(screen.getByTestId('date-month-12')).toBeEnabled();
    press('date-month-12');
    expect(screen.getByTestId('date-day-1')).toBeEnabled();
    expect(screen.getByTestId('date-day-2')).toBeDisabled();
    press('date-change-month');
    press('date-month-6');
    press('date-day-30');
    expect(screen.getByTestId('form-value-moved')).toHaveTextContent('2026年6月30日');

    press('form-field-phone');
    typeKeys('phone-keypad', '13800138000');
    press('phone-keypad-confirm');
    expect(screen.getByTestId('form-value-phone')).toHaveTextContent('138 0013 8000');

    press('form-field-pinyin');
    typeKeys('latin-keyboard', 'CHEN');
    press('latin-keyboard-space');
    typeKeys('latin-keyboard', 'SIYUAN');
    press('latin-keyboard-confirm');
    expect(screen.getByTestId('form-value-pinyin')).toHaveTextContent('CHEN SIYUAN');

    press('form-submit');
    expect(send).toHaveBeenCalledWith({
      type: 'SUBMIT_FORM',
      values: { name: '陈思远', reason: 'damaged', moved: '2026-06-30', phone: '13800138000', pinyin: 'CHEN SIYUAN' },
    });
    await Promise.resolve();
  });

  it('types a Chinese name with the pinyin keyboard, the first candidate a surname', async () => {
    const { send } = renderFlowStep(formView());
    press('form-field-name');
    press('pinyin-keyboard-clear');
    typeKeys('pinyin-keyboard', 'WANG');
    const [first] = await screen.findAllByTestId('pinyin-candidate');
    expect(first).toHaveTextContent('王');
    fireEvent.click(first!);
    press('pinyin-keyboard-confirm');
    expect(screen.getByTestId('form-value-name')).toHaveTextContent('王');
    press('form-submit');
    expect(send).toHaveBeenCalledWith({ type: 'SUBMIT_FORM', values: { name: '王' } });
  });

  it('picks the address region province → city → county, then types the detail line', async () => {
    const { send } = renderFlowStep(formView());
    press('form-field-address');
    fireEvent.click(await screen.findByTestId('region-440000'));
    expect(screen.getByTestId('address-path')).toHaveTextContent('广东省');
    // Only Guangdong's cities are offered.
    expect(screen.queryByTestId('region-110100')).toBeNull();
    press('region-440300');
    press('region-440305');
    expect(screen.getByTestId('address-region')).toHaveTextContent('广东省 深圳市 南山区');
    typeKeys('pinyin-keyboard', '88');
    press('pinyin-keyboard-confirm');
    expect(screen.getByTestId('form-value-address')).toHaveTextContent('广东省深圳市南山区88');
    press('form-submit');
    expect(send).toHaveBeenCalledWith({ type: 'SUBMIT_FORM', values: expect.objectContaining({ address: { province: '440000', city: '440300', county: '440305', detail: '88' } }) });
  });

  it('stops at the city for a city without counties (东莞市)', async () => {
    renderFlowStep(formView());
    press('form-field-address');
    fireEvent.click(await screen.findByTestId('region-440000'));
    press('region-441900');
    expect(screen.getByTestId('address-region')).toHaveTextContent('广东省 东莞市');
    expect(screen.getByTestId('pinyin-keyboard')).toBeInTheDocument();
    press('address-again');
    expect(await screen.findByTestId('region-110000')).toBeInTheDocument();
  });

  it('shows the host’s errors in red on their rows, and hides one once its field is changed', () => {
    const { view } = renderFlowStep(
      formView({ values: { name: '陈思远', phone: '1380' }, errors: { phone: 'flow.form.error.phone', address: 'flow.form.error.required' } }),
    );
    expect(screen.getByTestId('form-lead')).toHaveTextContent('有几项需要修改');
    expect(screen.getByTestId('form-error-phone')).toHaveTextContent('请填写11位手机号码');
    expect(screen.getByTestId('form-field-phone')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('form-error-address')).toHaveTextContent('此项必须填写');
    expect(view.voice.keys()).toEqual(['voice.flow.formFix']);
    press('form-field-phone');
    // The keypad starts from what was sent.
    expect(screen.getByTestId('phone-keypad-display')).toHaveTextContent('138 0');
    typeKeys('phone-keypad', '0138000');
    press('phone-keypad-confirm');
    expect(screen.queryByTestId('form-error-phone')).toBeNull();
    expect(screen.getByTestId('form-error-address')).toBeInTheDocument();
  });

  it('leaves an editor unchanged, clears an optional field, and sends nothing while the host takes no submission', () => {
    const { send } = renderFlowStep(formView({ values: { name: '陈思远', pinyin: 'CHEN' } }, ['BACK']));
    expect(screen.getByTestId('form-submit')).toBeDisabled();
    expect(screen.getByTestId('form-field-name')).toBeDisabled();
    press('form-submit');
    expect(send).not.toHaveBeenCalled();
  });

  it('an optional field can be emptied again; cancel keeps the value', () => {
    renderFlowStep(formView({ values: { name: '陈思远', pinyin: 'CHEN' } }));
    press('form-field-name');
    expect(within(screen.getByTestId('field-editor-name')).queryByTestId('field-editor-clear')).toBeNull();
    press('field-editor-cancel');
    expect(screen.getByTestId('form-value-name')).toHaveTextContent('陈思远');
    press('form-field-pinyin');
    press('field-editor-clear');
    expect(screen.getByTestId('form-value-pinyin')).toHaveTextContent('未填写');
  });

  it('speaks English in English', () => {
    renderFlowStep(formView(), {}, { language: 'en' });
    expect(screen.getByTestId('form-value-phone')).toHaveTextContent('Not filled in');
    expect(screen.getByTestId('form-submit')).toHaveTextContent('Submit');
    press('form-field-moved');
    typeKeys('date-keypad', '2010');
    press('date-year-next');
    expect(screen.getByTestId('date-editor')).toHaveTextContent('Year 2010 · Choose the month');
    expect(screen.getByTestId('date-month-6')).toHaveTextContent('June');
    press('date-month-6');
    expect(screen.getByTestId('date-editor')).toHaveTextContent('June 2010 · Choose the day');
    press('date-day-30');
    expect(screen.getByTestId('form-value-moved')).toHaveTextContent('30 June 2010');
  });

  it('a form that takes scans says so; a code and an ID number\'s tail are typed on the Latin keyboard with digits, in capitals', async () => {
    const fields: FormData['fields'] = [
      { id: 'number', labelKey: 'flow.form.submit', required: true, type: 'text', input: 'code', maxLength: 22 },
      { id: 'tail', labelKey: 'flow.form.submit', required: true, type: 'text', input: 'idNumberTail', maxLength: 4 },
    ];
    const { send } = renderFlowStep(formView({ fields, values: {}, errors: {}, scanFieldId: 'number' }));
    expect(screen.getByTestId('form-scan-hint')).toHaveTextContent('条码对准本机的扫码口');
    press('form-field-number');
    typeKeys('latin-keyboard', '4104');
    press('latin-keyboard-confirm');
    press('form-field-tail');
    typeKeys('latin-keyboard', '004');
    press('latin-keyboard-key-X');
    press('latin-keyboard-confirm');
    press('form-submit');
    expect(send).toHaveBeenCalledWith({ type: 'SUBMIT_FORM', values: { number: '4104', tail: '004X' } });
  });

  it('a form that takes no scans shows no hint', () => {
    renderFlowStep(formView());
    expect(screen.queryByTestId('form-scan-hint')).toBeNull();
  });
});
