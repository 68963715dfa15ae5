/**
 * The submit screen: a wait while the host sends the application; when the
 * back-end refused it, why and what became of the fee, and one button to end.
 */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlowEventType, FlowStepData } from '../../../electron/contract';
import { renderFlowStep } from '../flows/support';
import { viewOf } from '../flows/views';

type SubmitData = Extract<FlowStepData, { step: 'submit' }>;
const submitView = (data: Partial<SubmitData>, accepts: FlowEventType[] = []) =>
  viewOf({ step: 'submit', state: 'sending', reason: null, refund: null, refundedFen: null, ...data }, accepts);

describe('submit step', () => {
  it('while sending: a wait, and nothing the citizen can press', () => {
    renderFlowStep(submitView({}));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('正在提交申请');
    expect(screen.getByText('正在提交您的申请，请稍候…')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('refused: says why and that the fee went back; OK ends', () => {
    const { send } = renderFlowStep(submitView({ state: 'rejected', reason: 'notEligible', refund: 'refunded', refundedFen: 1000 }, ['CONFIRM']));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('您的申请未被受理');
    expect(screen.getByTestId('submit-reason')).toHaveTextContent('系统显示您不符合办理本业务的条件。');
    expect(screen.getByTestId('submit-refund')).toHaveTextContent('已缴纳的10.00元费用已原路退回。');
    fireEvent.click(screen.getByTestId('submit-confirm'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
  });

  it('materials the back-end could not take: 材料上传失败, to the counter, and the fee went back', () => {
    renderFlowStep(submitView({ state: 'rejected', reason: 'attachmentInvalid', refund: 'refunded', refundedFen: 2000 }, ['CONFIRM']));
    expect(screen.getByTestId('submit-reason')).toHaveTextContent('材料上传失败：照片、指纹、签名或所交材料未能完整传送到系统。请到窗口办理。');
    expect(screen.getByTestId('submit-refund')).toHaveTextContent('已缴纳的20.00元费用已原路退回。');
  });

  it('refused and not refunded: sends the citizen to the counter for the refund', () => {
    renderFlowStep(submitView({ state: 'rejected', reason: 'other', refund: 'notRefunded' }, ['CONFIRM']));
    expect(screen.getByTestId('submit-refund')).toHaveTextContent('费用未能自动退回，已通知工作人员，请到窗口办理退款。');
  });
});
