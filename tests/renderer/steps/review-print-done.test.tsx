import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderFlowStep } from '../flows/support';
import { views } from '../flows/views';

describe('review step', () => {
  it('shows what will be printed and confirms it', () => {
    const { send, view } = renderFlowStep(views.review());
    expect(screen.getByTestId('review-name')).toHaveTextContent('陈思远');
    expect(screen.getByTestId('review-number')).toHaveTextContent('4104**********1230');
    expect(screen.getByTestId('review-purpose')).toHaveTextContent('入职');
    expect(screen.getByTestId('review-date')).toHaveTextContent('2026-05-01');
    fireEvent.click(screen.getByTestId('review-confirm'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
    expect(view.voice.keys()).toContain('voice.flow.review');
  });
});

describe('print step', () => {
  it('printing: a calm wait, nothing to press', () => {
    renderFlowStep(views.printing());
    expect(screen.getByTestId('waiting')).toHaveTextContent('正在打印，请稍候…');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('printed: collect the certificate and the receipt; one reprint button', () => {
    const { send } = renderFlowStep(views.printed(true));
    expect(screen.getByTestId('print-collect')).toHaveTextContent('请从出纸口取走您的证明，并取走凭条。');
    expect(screen.getByTestId('print-document-number')).toHaveTextContent('WF-2026-000123');
    expect(screen.getAllByTestId('print-reprint')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('print-collected'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
  });

  it('no reprint button once the host no longer offers it', () => {
    renderFlowStep(views.printed(false));
    expect(screen.queryByTestId('print-reprint')).toBeNull();
  });

  it('not printed: one reprint button and the counter fallback', () => {
    const { send, view } = renderFlowStep(views.notPrinted(true));
    expect(screen.getAllByTestId('print-reprint')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('print-reprint'));
    expect(send).toHaveBeenLastCalledWith({ type: 'REPRINT' });
    fireEvent.click(screen.getByTestId('print-counter'));
    expect(send).toHaveBeenLastCalledWith({ type: 'CONFIRM' });
    expect(view.voice.keys()).toContain('voice.flow.notPrinted');
  });

  it('not printed after the reprint was used: only the counter', () => {
    renderFlowStep(views.notPrinted(false));
    expect(screen.queryByTestId('print-reprint')).toBeNull();
    expect(screen.getByTestId('print-counter')).toBeInTheDocument();
  });
});

describe('done and failed steps', () => {
  it('done: the outcome in words and one button that ends the session', () => {
    const { onFinish, send } = renderFlowStep(views.done('certificateIssued'));
    expect(screen.getByTestId('done-step')).toHaveTextContent('证明已开具');
    fireEvent.click(screen.getByTestId('done-finish'));
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(send).not.toHaveBeenCalled();
  });

  it('failed: retry when allowed, or end', () => {
    const { send } = renderFlowStep(views.failed(true));
    fireEvent.click(screen.getByTestId('failed-retry'));
    expect(send).toHaveBeenLastCalledWith({ type: 'RETRY' });
    fireEvent.click(screen.getByTestId('failed-end'));
    expect(send).toHaveBeenLastCalledWith({ type: 'CONFIRM' });
  });

  it('failed without retry: only end', () => {
    renderFlowStep(views.failed(false));
    expect(screen.queryByTestId('failed-retry')).toBeNull();
  });
});
