/** The counter step fills the values the host sent with its reason (`reasonParams`) into the reason's words. */
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderFlowStep } from '../flows/support';
import { views } from '../flows/views';

describe('counter step: a reason with values', () => {
  it('fills the values the host sent into the reason (e.g. until when a permit is endorsed)', async () => {
    const base = views.counter('test.endorsedUntil');
    const { view } = renderFlowStep({ ...base, data: { ...base.data, reasonParams: { until: '2027-10-17' } } } as typeof base);
    await act(async () => {
      view.i18n.addResourceBundle('zh-CN', 'translation', { test: { endorsedUntil: '已经签注，有效到{{until}}。' } }, true, true);
      await view.i18n.changeLanguage('zh-CN');
    });
    expect(screen.getByTestId('counter-reason')).toHaveTextContent('已经签注，有效到2027-10-17。');
  });
});
