/**
 * The sign-in screens: an officer's card offers 工作人员登录 / 办理业务; the
 * corner gesture asks for the staff number; then the PIN pad. Wrong PINs
 * and the lockout are said in words, with the time the lockout ends.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PinOutcome, StaffView } from '../../electron/contract';
import type { KioskClient } from '../api/types';
import { TouchButton } from '../ui/TouchButton';
import { PinPad } from './PinPad';
import { StaffNumberPad } from './StaffNumberPad';
import { kioskTime } from './use-staff';

export interface StaffSignInProps {
  api: KioskClient;
  view: StaffView;
  /** The corner gesture opened the staff number pad (no sign-in on the host yet). */
  enteringNumber: boolean;
  timeZone: string | undefined;
  onView: (view: StaffView) => void;
  onClose: () => void;
}

export function StaffSignIn({ api, view, enteringNumber, timeZone, onView, onClose }: StaffSignInProps): ReactElement {
  const { t, i18n } = useTranslation();
  const [outcome, setOutcome] = useState<PinOutcome | null>(null);

  const cancel = async () => {
    const result = await api.call('staff.cancel', {});
    if (result.ok) onView(result.value);
    onClose();
  };
  const choose = async (choice: 'staff' | 'citizen') => {
    const result = await api.call('staff.cardChoice', { choice });
    if (result.ok) onView(result.value);
    if (choice === 'citizen') onClose();
  };
  const message = outcome
    ? pinMessage(
        outcome,
        (key, values) => t(key, values),
        (iso) => kioskTime(iso, i18n.language, timeZone),
      )
    : null;
  const locked = outcome?.outcome === 'lockedOut';

  let body: ReactElement;
  if (view.phase === 'cardChoice') {
    body = (
      <>
        <p className="staff-message" data-testid="staff-card-choice">
          {t('staff.signIn.cardChoice', { name: view.officer.nameMasked, staffNumber: view.officer.staffNumber })}
        </p>
        <div className="staff-row">
          <TouchButton data-testid="staff-choice-staff" onPress={() => choose('staff')}>
            {t('staff.signIn.asStaff')}
          </TouchButton>
          <TouchButton variant="secondary" data-testid="staff-choice-citizen" onPress={() => choose('citizen')}>
            {t('staff.signIn.asCitizen')}
          </TouchButton>
        </div>
      </>
    );
  } else if (view.phase === 'pin') {
    const label = view.officer
      ? t('staff.signIn.pinFor', { name: view.officer.nameMasked, staffNumber: view.officer.staffNumber })
      : t('staff.signIn.pinPrompt');
    body = (
      <>
        <p className="staff-layer__hint" data-testid="staff-pin-prompt">
          {label}
        </p>
        <PinPad
          label={t('staff.signIn.pin')}
          disabled={locked}
          onConfirm={async (pin) => {
            const result = await api.call('staff.pin', { pin });
            if (!result.ok) return setOutcome({ outcome: 'noSignIn' });
            setOutcome(result.value);
            if (result.value.outcome === 'signedIn') onView(result.value.view);
          }}
        />
      </>
    );
  } else {
    body = (
      <>
        <p className="staff-layer__hint">{t('staff.signIn.staffNumberPrompt')}</p>
        {enteringNumber ? (
          <StaffNumberPad
            onConfirm={async (staffNumber) => {
              const result = await api.call('staff.beginWithNumber', { staffNumber });
              if (result.ok) onView(result.value);
            }}
          />
        ) : null}
      </>
    );
  }

  return (
    <section className="staff-layer" data-testid="staff-sign-in" aria-labelledby="staff-sign-in-title">
      <header className="staff-layer__header">
        <h1 className="staff-layer__title" id="staff-sign-in-title">
          {t('staff.signIn.title')}
        </h1>
        <TouchButton variant="secondary" data-testid="staff-cancel" onPress={cancel}>
          {t('staff.signIn.cancel')}
        </TouchButton>
      </header>
      {body}
      {message ? (
        <p className="staff-message staff-message--error" role="alert" data-testid="staff-pin-message">
          {message}
        </p>
      ) : null}
    </section>
  );
}

/** The words for a PIN that did not sign in; null once signed in. */
export function pinMessage(
  outcome: PinOutcome,
  t: (key: string, values?: Record<string, unknown>) => string,
  time: (iso: string) => string,
): string | null {
  switch (outcome.outcome) {
    case 'signedIn':
      return null;
    case 'wrong':
      return outcome.attemptsLeft === null
        ? t('staff.signIn.wrongUnknown')
        : t('staff.signIn.wrong', { count: outcome.attemptsLeft });
    case 'lockedOut':
      return t('staff.signIn.lockedOut', { time: time(outcome.until) });
    case 'noSignIn':
      return t('staff.signIn.noSignIn');
    default: {
      const never: never = outcome;
      return never;
    }
  }
}
