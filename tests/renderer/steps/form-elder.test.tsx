/**
 * The form in elder mode (issue 15): two fields a page with 上一页/下一页,
 * every value kept across pages and sent once from the last page; a field
 * the host found wrong brings its page forward; each page is read aloud;
 * two rejected submissions bring an offer of staff help.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { FlowEvent, FlowStepData, FlowView } from '../../../electron/contract';
import { FIXTURE_SERVICE_ID, fixtureViews, fixtureWording } from '../../../renderer/api/fixture-service';
import { createMockKioskApi } from '../../../renderer/api/mock';
import { addServiceWording } from '../../../renderer/flows/use-service-wording';
import { createI18n } from '../../../renderer/i18n';
import { renderStep, steps } from '../../../renderer/steps';
import { VoiceProvider } from '../../../renderer/voice/VoiceContext';
import { recordingVoice, sessionHandlers } from '../support/render-app';
import { renderFlowStep } from '../flows/support';

type FormData = Extract<FlowStepData, { step: 'form' }>;
const formView = (over: Partial<FormData> = {}, seq = 0): FlowView => {
  const base = fixtureViews.form();
  return { ...base, seq, data: { ...(base.data as FormData), ...over } };
};

/** A tap, then the button's press lock let go (it holds until the action's promise settled). */
const press = async (id: string) => {
  fireEvent.click(screen.getByTestId(id));
  await act(async () => {});
};
const fieldsShown = () => screen.queryAllByTestId(/^form-field-/).map((el) => el.getAttribute('data-testid')!.replace('form-field-', ''));

/** The form step with a host whose answers the test scripts: each submission comes back as `answer(n)` (n from 1). */
function elderForm(answer: (n: number) => FlowView, elderMode = true) {
  const api = createMockKioskApi({ 'help.request': sessionHandlers['help.request'] });
  const voice = recordingVoice();
  const i18n = createI18n('zh-CN');
  addServiceWording(i18n, FIXTURE_SERVICE_ID, fixtureWording);
  let view = formView();
  let submissions = 0;
  const ui = () => (
    <I18nextProvider i18n={i18n}>
      <VoiceProvider voice={voice} language="zh-CN" elderMode={elderMode} volume={1}>
        {renderStep(steps, { view, api, sessionId: 's-1', elderMode, send, accepts: (type) => view.accepts.includes(type), refresh: async () => {}, onError: () => {}, onFinish: () => {} })}
      </VoiceProvider>
    </I18nextProvider>
  );
  const send = vi.fn(async (_event: FlowEvent) => {
    submissions += 1;
    view = answer(submissions);
    result.rerender(ui());
  });
  const result = render(ui());
  return { api, voice, send };
}

describe('form step in elder mode', () => {
  it('shows two fields a page, keeps every value across pages and sends them all from the last page', async () => {
    const { send } = renderFlowStep(formView(), {}, { elderMode: true });
    expect(fieldsShown()).toEqual(['name', 'pinyin']);
    expect(screen.getByTestId('form-page')).toHaveTextContent('第 1 / 3 页');
    expect(screen.getByTestId('form-page-previous')).toBeDisabled();
    expect(screen.queryByTestId('form-submit')).toBeNull();

    await press('form-page-next');
    expect(fieldsShown()).toEqual(['reason', 'moved']);
    await press('form-field-reason');
    await press('field-option-lost');
    expect(screen.getByTestId('form-value-reason')).toHaveTextContent('遗失');

    await press('form-page-next');
    expect(fieldsShown()).toEqual(['phone', 'address']);
    expect(screen.getByTestId('form-page-next')).toBeDisabled();
    await press('form-field-phone');
    for (const c of '13800138000') await press(`phone-keypad-key-${c}`);
    await press('phone-keypad-confirm');

    // Back to the first pages: what was chosen is still there.
    await press('form-page-previous');
    expect(screen.getByTestId('form-value-reason')).toHaveTextContent('遗失');
    await press('form-page-previous');
    expect(screen.getByTestId('form-value-name')).toHaveTextContent('陈思远');
    await press('form-page-next');
    await press('form-page-next');
    await press('form-submit');
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ type: 'SUBMIT_FORM', values: { name: '陈思远', reason: 'lost', phone: '13800138000' } });
    await act(async () => {});
  });

  it('opens on the page of the first field the host found wrong', async () => {
    renderFlowStep(formView({ values: { name: '陈思远', reason: 'lost' }, errors: { phone: 'flow.form.error.phone' } }, 1), {}, { elderMode: true });
    expect(fieldsShown()).toEqual(['phone', 'address']);
    expect(screen.getByTestId('form-error-phone')).toHaveTextContent('请填写11位手机号码');
    expect(screen.getByTestId('form-submit')).toBeEnabled();
  });

  it('reads each page aloud: the prompt, the page and its field labels', async () => {
    const { view } = renderFlowStep(formView(), {}, { elderMode: true });
    const said = () => view.voice.spoken[view.voice.spoken.length - 1]!;
    expect(view.voice.spoken).toHaveLength(1);
    expect(said().key).toBe('voice.flow.form');
    expect(said().text).toContain('请逐项填写屏幕上的信息');
    expect(said().text).toContain('第1页，共3页');
    expect(said().text).toContain('本页要填写：姓名、姓名拼音');
    expect(said().rate).toBeLessThan(1);
    await press('form-page-next');
    expect(said().text).toContain('第2页，共3页');
    expect(said().text).toContain('申请原因、迁入日期');
  });

  it('keeps one page, no page turns and the prompt alone outside elder mode', () => {
    const { view } = renderFlowStep(formView());
    expect(fieldsShown()).toEqual(['name', 'pinyin', 'reason', 'moved', 'phone', 'address']);
    expect(screen.queryByTestId('form-page')).toBeNull();
    expect(view.voice.spoken.map((u) => [u.key, u.text])).toEqual([['voice.flow.form', '请逐项填写屏幕上的信息，填好后点击提交。']]);
  });

  it('offers staff help after the second rejected submission, and calls them for repeated errors', async () => {
    // Both answers are the same view (same seq): the host's view did not change, the second still counts.
    const rejected = () => formView({ values: { name: '陈思远' }, errors: { phone: 'flow.form.error.required' } }, 1);
    const { api } = elderForm(rejected);
    await press('form-page-next');
    await press('form-page-next');
    await press('form-submit');
    await screen.findByTestId('form-error-phone');
    expect(screen.queryByTestId('help-offer')).toBeNull();

    await press('form-submit');
    await screen.findByTestId('help-offer');
    await press('help-offer-accept');
    await waitFor(() => expect(api.callsTo('help.request')).toEqual([{ sessionId: 's-1', reason: 'repeatedErrors', step: 'flow.form' }]));
    expect(screen.queryByTestId('help-offer')).toBeNull();
  });

  it('offers no help outside elder mode', async () => {
    elderForm((n) => formView({ errors: { phone: 'flow.form.error.required' } }, n), false);
    await press('form-submit');
    await screen.findByTestId('form-error-phone');
    await press('form-submit');
    expect(screen.queryByTestId('help-offer')).toBeNull();
  });

  it('does not count answers without errors (e.g. the host still checking a step that stays)', async () => {
    elderForm((n) => formView({ values: { name: '陈思远', phone: '13800138000' } }, n));
    for (let i = 0; i < 2; i++) {
      await press('form-page-next');
      await press('form-page-next');
      await press('form-submit');
    }
    expect(screen.queryByTestId('help-offer')).toBeNull();
  });
});

describe('delivery step in elder mode', () => {
  type DeliveryData = Extract<FlowStepData, { step: 'delivery' }>;
  const deliveryView = (over: Partial<DeliveryData> = {}): FlowView => {
    const base = fixtureViews.delivery();
    return { ...base, data: { ...(base.data as DeliveryData), ...over } };
  };

  it('pages the EMS recipient two fields at a time, reads them, and confirms from the last page with every value', async () => {
    const { send, view } = renderFlowStep(deliveryView({ values: { name: '陈思远', phone: '13912345678' } }), {}, { elderMode: true });
    // Nothing chosen yet: confirm is there but cannot be pressed.
    expect(screen.getByTestId('delivery-confirm')).toBeDisabled();
    await press('delivery-ems');
    expect(fieldsShown()).toEqual(['name', 'phone']);
    expect(screen.queryByTestId('delivery-confirm')).toBeNull();
    const said = view.voice.spoken[view.voice.spoken.length - 1]!;
    expect(said.key).toBe('voice.flow.delivery');
    expect(said.text).toContain('本页要填写：收件人姓名、收件人手机号码');
    await press('form-page-next');
    expect(fieldsShown()).toEqual(['address']);
    await press('delivery-confirm');
    expect(send).toHaveBeenCalledWith({ type: 'SUBMIT_FORM', values: { method: 'ems', name: '陈思远', phone: '13912345678' } });
  });
});
