import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderFlowStep } from '../flows/support';
import { views } from '../flows/views';

describe('consent step', () => {
  it('says what the service asks in its own words, item by item, and sends the citizen’s yes or no', () => {
    const { send, view } = renderFlowStep(views.consent());
    expect(screen.getByTestId('consent-text')).toHaveTextContent('办理“示例事项”，需要您同意本机查询与您本人有关的登记信息。');
    const scope = screen.getByTestId('consent-scope');
    expect(scope).toHaveTextContent('查询内容：您的户籍登记信息。');
    expect(scope).toHaveTextContent('查询结果只用于本次办理。');
    // The kiosk's own promise holds for every service.
    expect(scope).toHaveTextContent('办理结束后，本机不保留您的个人信息。');
    fireEvent.click(screen.getByTestId('consent-step-agree'));
    expect(send).toHaveBeenLastCalledWith({ type: 'CONSENT', granted: true });
    fireEvent.click(screen.getByTestId('consent-step-refuse'));
    expect(send).toHaveBeenLastCalledWith({ type: 'CONSENT', granted: false });
    expect(view.voice.keys()).toEqual(['voice.flow.consent']);
  });

  it('offers no answer when the host takes none', () => {
    renderFlowStep({ ...views.consent(), accepts: [] });
    expect(screen.queryByTestId('consent-step-agree')).toBeNull();
    expect(screen.queryByTestId('consent-step-refuse')).toBeNull();
  });

  it('speaks English in English', () => {
    renderFlowStep(views.consent(), {}, { language: 'en' });
    expect(screen.getByTestId('consent-text')).toHaveTextContent('For “Sample service”');
    expect(screen.getByTestId('consent-step-agree')).toHaveTextContent('I agree, start');
  });
});

describe('choice step', () => {
  it('offers the service’s options as big choices, with their notes, and sends the one touched', () => {
    const { send, view } = renderFlowStep(views.choice());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('请选择文件的用途');
    const labels = ['self', 'employer', 'other'].map((v) => screen.getByTestId(`choice-${v}`).textContent);
    expect(labels).toEqual(['本人留存', '交给单位入职、单位审查等', '其他']);
    fireEvent.click(screen.getByTestId('choice-employer'));
    expect(send).toHaveBeenCalledWith({ type: 'CHOOSE', value: 'employer' });
    // The fixture says this step's prompt in its own words.
    expect(view.voice.keys()).toEqual(['svc.fixture-service.voice.purpose']);
  });

  it('uses the touch button (≥ 60 px target class) and marks the chosen option', () => {
    renderFlowStep(views.choice({ selected: 'other' }));
    expect(screen.getByTestId('choice-other')).toHaveClass('touch-button');
    expect(screen.getByTestId('choice-other')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByTestId('choice-self')).toHaveAttribute('aria-pressed', 'false');
  });

  it('cannot be touched while the host takes no choice', () => {
    const { send } = renderFlowStep(views.choice({ accepts: false }));
    expect(screen.getByTestId('choice-self')).toBeDisabled();
    fireEvent.click(screen.getByTestId('choice-self'));
    expect(send).not.toHaveBeenCalled();
  });

  it('a service without its own prompt gets the library’s', () => {
    const { view } = renderFlowStep({ ...views.choice(), stepId: 'another' });
    expect(view.voice.keys()).toEqual(['voice.flow.choice']);
  });
});

describe('query step', () => {
  it('while running: the service’s title, a calm wait and a voice prompt, nothing to press', () => {
    const { view } = renderFlowStep(views.queryRunning());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('正在查询登记信息');
    expect(screen.getByTestId('waiting')).toHaveTextContent('正在查询，请稍候…');
    expect(screen.queryByRole('button')).toBeNull();
    expect(view.voice.keys()).toContain('voice.flow.query');
  });

  it('when it failed: retry while the host allows it, and the counter', () => {
    const { send, view } = renderFlowStep(views.queryFailed(2));
    expect(screen.getByText('还可以再试 2 次。')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('query-retry'));
    expect(send).toHaveBeenLastCalledWith({ type: 'RETRY' });
    fireEvent.click(screen.getByTestId('query-counter'));
    expect(send).toHaveBeenLastCalledWith({ type: 'CONFIRM' });
    expect(view.voice.keys()).toContain('voice.flow.queryFailed');
  });

  it('without retries left, only the counter', () => {
    renderFlowStep(views.queryFailed(0));
    expect(screen.queryByTestId('query-retry')).toBeNull();
    expect(screen.queryByText(/还可以再试/)).toBeNull();
    expect(screen.getByTestId('query-counter')).toBeInTheDocument();
  });

  it('a retry the host no longer accepts is not offered, whatever the count says', () => {
    renderFlowStep({ ...views.queryFailed(2), accepts: ['CONFIRM'] });
    expect(screen.queryByTestId('query-retry')).toBeNull();
  });
});
