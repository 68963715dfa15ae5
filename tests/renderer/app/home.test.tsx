import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../renderer/api/mock';
import { services } from '../support/fixtures';
import { renderApp, sessionHandlers } from '../support/render-app';
import { openCategory, startSession } from '../support/session-helpers';

describe('home and services', () => {
  it('greys a service the host marks unavailable, with the reason in words, and keeps the others', async () => {
    const user = userEvent.setup();
    renderApp(sessionHandlers);
    await startSession(user);
    // Home is up before the catalogue's answer (a loaded PC answers late): wait for the category.
    expect(await screen.findByTestId('category-huzheng')).toHaveTextContent('6项业务');
    await openCategory(user, 'huzheng');
    const greyed = screen.getByTestId('service-id-card-renewal');
    expect(greyed).toHaveAttribute('data-available', 'false');
    expect(greyed).toHaveAttribute('aria-disabled', 'true');
    expect(greyed).toHaveTextContent('暂不可办理');
    // 换领 20 元, 补领 and 损坏换领 40 元: the range, not the cheapest.
    expect(greyed).toHaveTextContent('费用：20–40元');
    expect(screen.getByTestId('service-reason-id-card-renewal')).toHaveTextContent('人像摄像头暂不可用');
    const counter = screen.getByTestId('service-temporary-id');
    expect(counter).toHaveAttribute('data-available', 'true');
    expect(counter).toHaveTextContent('费用：¥10.00');
    expect(counter).toHaveTextContent('请到1号窗口办理');
    expect(screen.getByTestId('service-residence-permit')).toHaveTextContent('免费');

    // Touching the greyed service says why, and goes nowhere.
    await user.click(greyed);
    expect(screen.getByTestId('step-error')).toHaveTextContent('人像摄像头暂不可用');
    expect(screen.getByTestId('category')).toBeInTheDocument();
  });

  it('follows catalogue.changed: a device coming back un-greys the service', async () => {
    const user = userEvent.setup();
    const { api } = renderApp(sessionHandlers);
    await startSession(user);
    await openCategory(user, 'huzheng');
    expect(screen.getByTestId('service-id-card-renewal')).toHaveAttribute('data-available', 'false');
    act(() =>
      api.emit('catalogue.changed', {
        services: services.map((s) => (s.id === 'id-card-renewal' ? { ...s, available: true, reasonKey: undefined } : s)),
      }),
    );
    expect(screen.getByTestId('service-id-card-renewal')).toHaveAttribute('data-available', 'true');
    expect(screen.getByTestId('service-id-card-renewal')).toHaveTextContent('本机自助办理');
  });

  it('falls back to a generic reason when the host sends a key the catalogue lacks', async () => {
    const user = userEvent.setup();
    renderApp({
      ...sessionHandlers,
      'catalogue.list': () =>
        ok<'catalogue.list'>({ services: [{ id: 'x', category: 'traffic', name: { 'zh-CN': '某业务', en: 'Some service' }, handling: 'kiosk', feeFen: 0, available: false, reasonKey: 'service.somethingNew' }] }),
    });
    await startSession(user);
    await openCategory(user, 'traffic');
    expect(screen.getByTestId('service-reason-x')).toHaveTextContent('该业务暂不可办理');
  });

  it('elder mode: at most 4 services per page with big previous/next', async () => {
    const user = userEvent.setup();
    renderApp(sessionHandlers);
    await screen.findByTestId('hall-name');
    await user.click(screen.getByRole('switch', { name: /长辈模式/ }));
    await startSession(user);
    await openCategory(user, 'huzheng');
    const list = () => within(screen.getByTestId('category')).getAllByRole('listitem');
    expect(list()).toHaveLength(4);
    expect(screen.getByTestId('page-label')).toHaveTextContent('第1页，共2页');
    expect(screen.getByTestId('page-prev')).toBeDisabled();
    await user.click(screen.getByTestId('page-next'));
    expect(list()).toHaveLength(2);
    expect(screen.getByTestId('page-label')).toHaveTextContent('第2页，共2页');
    expect(screen.getByTestId('page-next')).toBeDisabled();
  });

  it('normal mode shows six services on one page', async () => {
    const user = userEvent.setup();
    renderApp(sessionHandlers);
    await startSession(user);
    await openCategory(user, 'huzheng');
    expect(within(screen.getByTestId('category')).getAllByRole('listitem')).toHaveLength(6);
    expect(screen.queryByTestId('page-next')).not.toBeInTheDocument();
  });

  it('says so when the catalogue cannot be loaded, and retries', async () => {
    const user = userEvent.setup();
    let calls = 0;
    renderApp({ ...sessionHandlers, 'catalogue.list': () => (++calls === 1 ? fail('internal') : ok<'catalogue.list'>({ services })) });
    await screen.findByTestId('hall-name');
    await user.click(screen.getByTestId('start-button'));
    expect(await screen.findByTestId('catalogue-failed')).toHaveTextContent('系统内部错误，请稍后再试');
    await user.click(screen.getByRole('button', { name: '重新载入' }));
    expect(await screen.findByTestId('category-huzheng')).toBeInTheDocument();
  });
});
