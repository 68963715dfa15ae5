import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderFlowStep } from '../flows/support';
import { views } from '../flows/views';

const rowsOf = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByTestId('detail-row')
    .map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]);

describe('review step', () => {
  it('shows the lines the service sends, values as given or in its words, and confirms them', () => {
    const { send, view } = renderFlowStep(views.review());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('请核对文件信息');
    expect(rowsOf('review-details')).toEqual([
      ['姓名', '陈思远'],
      ['证件号码', '4104**********1230'],
      ['用途', '交给单位'],
      ['查询日期', '2026-05-01'],
    ]);
    expect(screen.getByTestId('step-notes')).toHaveTextContent('文件打印在A4纸上，并打印一张取件凭条。');
    fireEvent.click(screen.getByTestId('review-confirm'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
    expect(view.voice.keys()).toEqual(['svc.fixture-service.voice.review']);
  });

  it('translates a value given as a key in English too', () => {
    renderFlowStep(views.review(), {}, { language: 'en' });
    expect(rowsOf('review-details')[2]).toEqual(['Purpose', 'For an employer']);
  });
});

describe('A4 print step', () => {
  it('printing: a calm wait, nothing to press', () => {
    const { view } = renderFlowStep(views.printing());
    expect(screen.getByTestId('waiting')).toHaveTextContent('正在打印，请稍候…');
    expect(screen.queryByRole('button')).toBeNull();
    expect(view.voice.keys()).toEqual(['voice.flow.a4Printing']);
  });

  it('printed: collect the document and the slip, its number, the service’s note; one reprint button', () => {
    const { send, view } = renderFlowStep(views.printed(true));
    expect(screen.getByTestId('print-collect')).toHaveTextContent('请从出纸口取走您的文件，并取走凭条。');
    expect(screen.getByTestId('print-document-number')).toHaveTextContent('WF-2026-000123');
    expect(screen.getByTestId('print-verify-code')).toHaveTextContent('K7Q2-9XZ4');
    expect(screen.getByTestId('step-notes')).toHaveTextContent('请妥善保管您的文件。');
    expect(screen.getAllByTestId('print-reprint')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('print-collected'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
    expect(view.voice.keys()).toEqual(['voice.flow.a4Printed']);
  });

  it('printed without the slip: says the document is still good', () => {
    renderFlowStep(views.printed(true, 'notPrinted'));
    expect(screen.getByTestId('print-collect')).toHaveTextContent('请从出纸口取走您的文件。');
    expect(screen.getByText('凭条未能打印，不影响文件的使用。')).toBeInTheDocument();
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
    expect(view.voice.keys()).toContain('voice.flow.a4NotPrinted');
  });

  it('not printed after the reprint was used: only the counter, and no promise of a reprint', () => {
    renderFlowStep(views.notPrinted(false));
    expect(screen.queryByTestId('print-reprint')).toBeNull();
    expect(screen.getByTestId('print-counter')).toBeInTheDocument();
    expect(screen.queryByText(/重新打印一次/)).toBeNull();
  });
});

describe('receipt print step', () => {
  it('printed: the slip’s lines on screen, take it, one reprint', () => {
    const { send, view } = renderFlowStep(views.receipt('printed', true));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('取件凭条');
    expect(rowsOf('receipt-details')).toEqual([
      ['文件编号', 'WF-2026-000123'],
      ['领取窗口', '2号窗口'],
    ]);
    expect(screen.getAllByTestId('receipt-reprint')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('receipt-reprint'));
    expect(send).toHaveBeenLastCalledWith({ type: 'REPRINT' });
    fireEvent.click(screen.getByTestId('receipt-taken'));
    expect(send).toHaveBeenLastCalledWith({ type: 'CONFIRM' });
    expect(view.voice.keys()).toEqual(['voice.flow.receiptPrinted']);
  });

  it('printing: a calm wait, nothing to press', () => {
    renderFlowStep(views.receipt('printing'));
    expect(screen.getByTestId('waiting')).toHaveTextContent('正在打印凭条，请稍候…');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('not printed without a reprint: the lines stay on screen to note, and the citizen goes on', () => {
    const { send } = renderFlowStep(views.receipt('notPrinted', false));
    expect(screen.getByText('凭条未能打印。屏幕上是凭条的内容，请记下后继续。')).toBeInTheDocument();
    expect(rowsOf('receipt-details')).toHaveLength(2);
    expect(screen.queryByTestId('receipt-reprint')).toBeNull();
    fireEvent.click(screen.getByTestId('receipt-continue'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
  });
});

describe('done and failed steps', () => {
  it('done: the outcome in the service’s words and one button that ends the session', () => {
    const { onFinish, send } = renderFlowStep(views.done());
    expect(screen.getByTestId('done-outcome')).toHaveTextContent('文件已打印，请带好您的文件和凭条。');
    fireEvent.click(screen.getByTestId('done-finish'));
    expect(onFinish).toHaveBeenCalledTimes(1);
    expect(send).not.toHaveBeenCalled();
  });

  it('done: a generic outcome from the library', () => {
    renderFlowStep(views.done('flow.outcome.identityChanged', 'identityChanged'), {}, { language: 'en' });
    expect(screen.getByTestId('done-step')).toHaveAttribute('data-outcome', 'identityChanged');
    expect(screen.getByTestId('done-outcome')).toHaveTextContent('Another ID card or ID number was presented');
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
