import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../renderer/api/mock';
import { identity } from '../support/fixtures';
import { renderFlowStep } from '../flows/support';
import { views } from '../flows/views';

const VALID = '410402199001011230';

function typeNumber(number: string): void {
  for (const c of number) fireEvent.click(screen.getByTestId(`id-keypad-key-${c}`));
}

describe('identify step', () => {
  it('shows the card identity read (name and number) and confirms it with the host', () => {
    const { send, view } = renderFlowStep(views.identifyCard());
    expect(screen.getByTestId('identity-name')).toHaveTextContent('陈思远');
    expect(screen.getByTestId('identity-number')).toHaveTextContent('4104**********1230');
    fireEvent.click(screen.getByTestId('identify-confirm'));
    expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' });
    expect(view.voice.keys()).toContain('voice.flow.identifyConfirm');
  });

  it('without a card, asks for it and offers 没有带身份证？输入身份证号码', () => {
    const { view } = renderFlowStep(views.identifyEmpty());
    expect(screen.getByText('请将居民身份证平放在下方的读卡区。')).toBeInTheDocument();
    expect(screen.getByTestId('identify-type')).toHaveTextContent('没有带身份证？输入身份证号码');
    expect(screen.queryByTestId('identify-confirm')).toBeNull();
    expect(view.voice.keys()).toContain('voice.flow.identify');
  });

  it('once the card was read, 没有带身份证？输入身份证号码 is no longer offered', () => {
    renderFlowStep(views.identifyCard());
    expect(screen.getByTestId('identify-confirm')).toBeInTheDocument();
    expect(screen.queryByTestId('identify-type')).toBeNull();
    expect(screen.queryByText('没有带身份证？输入身份证号码')).toBeNull();
  });

  it('an expired card cannot be confirmed; typing the number is offered, without asking whether the card was brought', () => {
    renderFlowStep(views.identifyExpired());
    expect(screen.queryByTestId('identify-confirm')).toBeNull();
    expect(screen.getByTestId('identify-type')).toHaveTextContent('改为输入身份证号码');
    expect(screen.queryByText('没有带身份证？输入身份证号码')).toBeNull();
  });

  it('a typed number is checked live by the host, taken with identity.typed, then the step is confirmed', async () => {
    const { api, send } = renderFlowStep(views.identifyEmpty(), {
      'identity.checkIdNumber': ({ idNumber }) =>
        ok<'identity.checkIdNumber'>({ state: idNumber.length === 18 ? 'valid' : 'incomplete' }),
      'identity.typed': ({ idNumber }) =>
        ok<'identity.typed'>({ ...identity, source: 'typed', nameMasked: null, idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}` }),
    });
    fireEvent.click(screen.getByTestId('identify-type'));
    expect(screen.getByTestId('id-keypad')).toBeInTheDocument();
    typeNumber(VALID);
    await waitFor(() => expect(screen.getByTestId('id-keypad-confirm')).toBeEnabled());
    fireEvent.click(screen.getByTestId('id-keypad-confirm'));
    await waitFor(() => expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' }));
    expect(api.callsTo('identity.typed')).toEqual([{ sessionId: 's-1', idNumber: VALID }]);
    expect(api.callsTo('identity.checkIdNumber').length).toBeGreaterThan(0);
  });

  it('a number the host refuses is an error in words, and the step is not confirmed', async () => {
    const { send, onError } = renderFlowStep(views.identifyEmpty(), {
      'identity.checkIdNumber': () => ok<'identity.checkIdNumber'>({ state: 'valid' }),
      'identity.typed': () => fail('invalidParams', 'idNumber.invalid'),
    });
    fireEvent.click(screen.getByTestId('identify-type'));
    typeNumber(VALID);
    await waitFor(() => expect(screen.getByTestId('id-keypad-confirm')).toBeEnabled());
    await act(async () => fireEvent.click(screen.getByTestId('id-keypad-confirm')));
    await waitFor(() => expect(onError).toHaveBeenCalledWith('idNumber.invalid'));
    expect(send).not.toHaveBeenCalled();
  });

  it('can switch back from typing to the card', () => {
    renderFlowStep(views.identifyEmpty(), {
      'identity.checkIdNumber': () => ok<'identity.checkIdNumber'>({ state: 'incomplete' }),
    });
    fireEvent.click(screen.getByTestId('identify-type'));
    fireEvent.click(screen.getByTestId('identify-use-card'));
    expect(screen.getByTestId('identify-step')).toHaveAttribute('data-mode', 'card');
  });
});
