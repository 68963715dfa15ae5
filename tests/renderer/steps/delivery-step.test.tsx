/**
 * The delivery screen: the hall (its name and window, free) or EMS (its
 * fee); for EMS the recipient's rows, filled in with the form's editors; the
 * choice goes to the host in one SUBMIT_FORM; the host's errors in red.
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlowStepData } from '../../../electron/contract';
import { fixtureViews } from '../../../renderer/api/fixture-service';
import { renderFlowStep } from '../flows/support';
import { viewOf } from '../flows/views';

type DeliveryData = Extract<FlowStepData, { step: 'delivery' }>;
const deliveryView = (over: Partial<DeliveryData> = {}, accepts: Array<'SUBMIT_FORM' | 'BACK'> = ['SUBMIT_FORM', 'BACK']) =>
  viewOf({ ...(fixtureViews.delivery().data as DeliveryData), ...over }, accepts);
const press = (id: string) => fireEvent.click(screen.getByTestId(id));

describe('delivery step', () => {
  it('offers the hall by name and window, free, and EMS with its fee', () => {
    const { view } = renderFlowStep(deliveryView());
    expect(screen.getByTestId('delivery-hall')).toHaveTextContent('到本大厅领取');
    expect(screen.getByTestId('delivery-hall-where')).toHaveTextContent('示例区公安分局政务服务大厅，2号窗口');
    expect(screen.getByTestId('delivery-ems-fee')).toHaveTextContent('邮寄费 ¥15.00');
    // Nothing chosen yet: nothing to confirm, no recipient asked for.
    expect(screen.getByTestId('delivery-confirm')).toBeDisabled();
    expect(screen.queryByTestId('form-field-phone')).toBeNull();
    expect(view.voice.keys()).toEqual(['voice.flow.delivery']);
  });

  it('collect at the hall: sends the method only', () => {
    const { send } = renderFlowStep(deliveryView());
    press('delivery-hall');
    expect(screen.getByTestId('delivery-hall')).toHaveAttribute('aria-pressed', 'true');
    press('delivery-confirm');
    expect(send).toHaveBeenCalledWith({ type: 'SUBMIT_FORM', values: { method: 'hall' } });
  });

  it('EMS: asks for the recipient with the form’s editors and sends them with the method', async () => {
    const { send } = renderFlowStep(deliveryView());
    press('delivery-ems');
    expect(screen.getByTestId('form-value-name')).toHaveTextContent('陈思远');
    press('form-field-phone');
    Array.from('13912345678').forEach((d) => press(`phone-keypad-key-${d}`));
    press('phone-keypad-confirm');
    press('form-field-address');
    fireEvent.click(await screen.findByTestId('region-110000'));
    press('region-110100');
    press('region-110105');
    Array.from('12').forEach((d) => press(`pinyin-keyboard-key-${d}`));
    press('pinyin-keyboard-confirm');
    expect(screen.getByTestId('form-value-address')).toHaveTextContent('北京市市辖区朝阳区12');
    press('delivery-confirm');
    expect(send).toHaveBeenCalledWith({
      type: 'SUBMIT_FORM',
      values: { method: 'ems', name: '陈思远', phone: '13912345678', address: { province: '110000', city: '110100', county: '110105', detail: '12' } },
    });
  });

  it('shows the host’s errors: the recipient’s on their rows, a missing method above', () => {
    renderFlowStep(deliveryView({ method: 'ems', values: { name: '陈思远', phone: '139' }, errors: { phone: 'flow.form.error.phone' } }));
    expect(screen.getByTestId('delivery-ems')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('form-error-phone')).toHaveTextContent('请填写11位手机号码');
    renderFlowStep(deliveryView({ errors: { method: 'flow.form.error.required' } }));
    expect(screen.getByTestId('delivery-error-method')).toHaveTextContent('此项必须填写');
  });

  it('takes no choice while the host takes none', () => {
    const { send } = renderFlowStep(deliveryView({}, ['BACK']));
    expect(screen.getByTestId('delivery-hall')).toBeDisabled();
    press('delivery-confirm');
    expect(send).not.toHaveBeenCalled();
  });

  it('speaks English in English', () => {
    renderFlowStep(deliveryView(), {}, { language: 'en' });
    expect(screen.getByTestId('delivery-hall')).toHaveTextContent('Collect it at this hall');
    expect(screen.getByTestId('delivery-ems-fee')).toHaveTextContent('Postage CN¥15.00');
  });
});
