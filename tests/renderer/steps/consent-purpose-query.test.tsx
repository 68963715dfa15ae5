import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderFlowStep } from '../flows/support';
import { views } from '../flows/views';

describe('query consent step', () => {
  it('names the service and sends the citizen’s yes or no', () => {
    const { send, view } = renderFlowStep(views.consent());
    expect(screen.getByText(/无犯罪记录证明/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('query-consent-agree'));
    expect(send).toHaveBeenLastCalledWith({ type: 'CONSENT', granted: true });
    fireEvent.click(screen.getByTestId('query-consent-refuse'));
    expect(send).toHaveBeenLastCalledWith({ type: 'CONSENT', granted: false });
    expect(view.voice.keys()).toContain('voice.flow.consent');
  });

  it('waits calmly while the host checks, with no buttons', () => {
    renderFlowStep(views.consent(true));
    expect(screen.getByTestId('waiting')).toHaveTextContent('正在核对，请稍候…');
    expect(screen.queryByTestId('query-consent-agree')).toBeNull();
  });

  it('speaks English in English', () => {
    renderFlowStep(views.consent(), {}, { language: 'en' });
    expect(screen.getByText(/No-criminal-record certificate/)).toBeInTheDocument();
    expect(screen.getByTestId('query-consent-agree')).toHaveTextContent('I agree, start');
  });
});

describe('purpose step', () => {
  it('offers 入职/出国/落户/其他 as big choices and sends the one touched', () => {
    const { send, view } = renderFlowStep(views.purpose());
    const labels = ['employment', 'abroad', 'settlement', 'other'].map(
      (p) => screen.getByTestId(`purpose-${p}`).textContent,
    );
    expect(labels.join('|')).toMatch(/入职.*\|出国.*\|落户.*\|其他/);
    fireEvent.click(screen.getByTestId('purpose-abroad'));
    expect(send).toHaveBeenCalledWith({ type: 'PURPOSE', purpose: 'abroad' });
    expect(view.voice.keys()).toContain('voice.flow.purpose');
  });

  it('uses the touch button (≥ 60 px target class)', () => {
    renderFlowStep(views.purpose());
    expect(screen.getByTestId('purpose-other')).toHaveClass('touch-button');
  });
});

describe('query step', () => {
  it('while running: a calm wait and a voice prompt, nothing to press', () => {
    const { view } = renderFlowStep(views.queryRunning());
    expect(screen.getByTestId('waiting')).toHaveTextContent('正在查询，请稍候…');
    expect(screen.queryByRole('button')).toBeNull();
    expect(view.voice.keys()).toContain('voice.flow.query');
  });

  it('when it failed: retry while the host allows it, and the counter', () => {
    const { send } = renderFlowStep(views.queryFailed(2));
    expect(screen.getByText('还可以再试 2 次。')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('query-retry'));
    expect(send).toHaveBeenLastCalledWith({ type: 'RETRY' });
    fireEvent.click(screen.getByTestId('query-counter'));
    expect(send).toHaveBeenLastCalledWith({ type: 'CONFIRM' });
  });

  it('without retries left, only the counter', () => {
    renderFlowStep(views.queryFailed(0));
    expect(screen.queryByTestId('query-retry')).toBeNull();
    expect(screen.getByTestId('query-counter')).toBeInTheDocument();
  });
});
