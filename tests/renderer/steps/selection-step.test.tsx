/** The selection step's screen: each record with its details and images, taken on or set aside; one not offered says why. */
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderFlowStep } from '../flows/support';
import { fixtureKey, viewOf } from '../flows/views';

const PIXEL = 'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=';

function selection(minSelected = 0) {
  return viewOf(
    {
      step: 'selection',
      titleKey: fixtureKey('review.title'),
      noteKeys: [fixtureKey('review.notes.paper')],
      minSelected,
      items: [
        { id: 'first', rows: [{ labelKey: fixtureKey('review.rows.date'), text: '2026-05-01' }], images: [{ dataUrl: PIXEL, altKey: fixtureKey('review.rows.name') }], selectable: true, reasonKey: null, selected: false },
        { id: 'second', rows: [{ labelKey: fixtureKey('review.rows.date'), text: '2026-05-02' }], images: [], selectable: false, reasonKey: fixtureKey('review.notes.paper'), selected: false },
        { id: 'third', rows: [{ labelKey: fixtureKey('review.rows.date'), text: '2026-05-03' }], images: [], selectable: true, reasonKey: null, selected: false },
      ],
    },
    ['SELECT'],
  );
}

describe('selection step', () => {
  it('offers each selectable record taken on by default; one not offered shows why and has no buttons', () => {
    renderFlowStep(selection());
    expect(within(screen.getByTestId('selection-item-first')).getByTestId('detail-row')).toHaveTextContent('2026-05-01');
    expect(screen.getByTestId('selection-take-first')).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByTestId('selection-take-second')).toBeNull();
    expect(screen.getByTestId('selection-reason-second')).toHaveTextContent('文件打印在A4纸上');
  });

  it('sends the ids taken on, in order, after one is set aside', () => {
    const { send } = renderFlowStep(selection());
    fireEvent.click(screen.getByTestId('selection-aside-first'));
    expect(screen.getByTestId('selection-aside-first')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(screen.getByTestId('selection-confirm'));
    expect(send).toHaveBeenCalledWith({ type: 'SELECT', values: ['third'] });
  });

  it('shows an image large and closes it', () => {
    renderFlowStep(selection());
    fireEvent.click(screen.getByTestId('selection-image-first-0'));
    expect(screen.getByTestId('selection-large')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('selection-large-close'));
    expect(screen.queryByTestId('selection-large')).toBeNull();
  });

  it('cannot go on with fewer taken on than the step needs', () => {
    renderFlowStep(selection(2));
    fireEvent.click(screen.getByTestId('selection-aside-third'));
    expect(screen.getByTestId('selection-confirm')).toBeDisabled();
  });
});
