import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDigit } from '../../../domain/id-number';
import { createMockKioskApi, fail, ok } from '../../../renderer/api/mock';
import { KioskTimeZoneProvider } from '../../../renderer/app/KioskTimeZone';
import { TypeIdNumber } from '../../../renderer/steps/identify/TypeIdNumber';
import { identity } from '../support/fixtures';
import { renderFlowStep, renderWithKiosk } from '../flows/support';
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

  it('a typed number is checked on the kiosk as it is typed, taken with identity.typed, then the step is confirmed', async () => {
    const { api, send } = renderFlowStep(views.identifyEmpty(), {
      'identity.typed': ({ idNumber }) =>
        ok<'identity.typed'>({ ...identity, source: 'typed', nameMasked: null, idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}` }),
    });
    fireEvent.click(screen.getByTestId('identify-type'));
    expect(screen.getByTestId('id-keypad')).toBeInTheDocument();
    typeNumber(VALID.slice(0, 17));
    expect(screen.getByTestId('id-keypad-feedback')).toHaveTextContent('还需输入 1 位');
    typeNumber(VALID.slice(17));
    expect(screen.getByTestId('id-keypad-feedback')).toHaveTextContent('号码格式正确');
    expect(api.calls).toEqual([]); // no host call per keystroke
    fireEvent.click(screen.getByTestId('id-keypad-confirm'));
    await waitFor(() => expect(send).toHaveBeenCalledWith({ type: 'CONFIRM' }));
    expect(api.callsTo('identity.typed')).toEqual([{ sessionId: 's-1', idNumber: VALID }]);
  });

  it('a number the host refuses is an error in words, and the step is not confirmed', async () => {
    const { send, onError } = renderFlowStep(views.identifyEmpty(), {
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
    renderFlowStep(views.identifyEmpty());
    fireEvent.click(screen.getByTestId('identify-type'));
    fireEvent.click(screen.getByTestId('identify-use-card'));
    expect(screen.getByTestId('identify-step')).toHaveAttribute('data-mode', 'card');
  });
});

describe('typing the number: today is the hall\'s day', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // 01:30 on 2 March in Shanghai is still 1 March in London.
  const INSTANT = new Date('2026-03-01T17:30:00Z');
  const first17 = '11010520260302001';
  const BORN_2_MARCH = first17 + checkDigit(first17)!;

  function typeIn(timeZone: string | undefined): void {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(INSTANT);
    const typer = <TypeIdNumber api={createMockKioskApi()} sessionId="s-1" elderMode={false} onTyped={() => Promise.resolve()} onError={() => {}} />;
    renderWithKiosk(timeZone ? <KioskTimeZoneProvider timeZone={timeZone}>{typer}</KioskTimeZoneProvider> : typer);
    typeNumber(BORN_2_MARCH);
  }

  it('takes a number born today in the hall\'s zone (the kiosk.info zone), whatever the day elsewhere', () => {
    typeIn('Asia/Shanghai');
    expect(screen.getByTestId('id-keypad-feedback')).toHaveTextContent('号码格式正确');
    expect(screen.getByTestId('id-keypad-confirm')).toBeEnabled();
  });

  it('refuses the same number as born after today in a hall where it is still the day before', () => {
    typeIn('Europe/London');
    expect(screen.getByTestId('id-keypad-feedback')).toHaveTextContent('出生日期晚于今天');
    expect(screen.getByTestId('id-keypad-confirm')).toBeDisabled();
  });

  it('uses Asia/Shanghai until the kiosk info has loaded', () => {
    typeIn(undefined);
    expect(screen.getByTestId('id-keypad-confirm')).toBeEnabled();
  });
});
