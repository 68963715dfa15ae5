/** The maintenance screen of a signed-in officer: who is signed in, sign out, and one panel at a time. */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceStatus, StaffOfficer } from '../../electron/contract';
import type { KioskClient } from '../api/types';
import { TouchButton } from '../ui/TouchButton';
import { ConsumablesPanel } from './panels/ConsumablesPanel';
import { DayEndPanel } from './panels/DayEndPanel';
import { DevicesPanel } from './panels/DevicesPanel';
import { JournalPanel } from './panels/JournalPanel';
import { PrintsPanel } from './panels/PrintsPanel';
import { ServicePanel } from './panels/ServicePanel';
import type { OutOfService } from './use-staff';

export const STAFF_TABS = ['devices', 'consumables', 'prints', 'journal', 'dayEnd', 'service'] as const;
export type StaffTab = (typeof STAFF_TABS)[number];

export interface StaffMaintenanceProps {
  api: KioskClient;
  officer: StaffOfficer;
  devices: readonly DeviceStatus[] | null;
  outOfService: OutOfService;
  timeZone: string | undefined;
  onSignOut: () => unknown;
  /** The host refused a call: nobody is signed in any more. */
  signedOut: () => void;
  initialTab?: StaffTab;
}

export function StaffMaintenance(props: StaffMaintenanceProps): ReactElement {
  const { api, officer, devices, outOfService, timeZone, signedOut } = props;
  const { t } = useTranslation();
  const [tab, setTab] = useState<StaffTab>(props.initialTab ?? 'devices');
  const panelProps = { api, timeZone, signedOut };
  return (
    <section className="staff-layer" data-testid="staff-maintenance" aria-labelledby="staff-maintenance-title">
      <header className="staff-layer__header">
        <div>
          <h1 className="staff-layer__title" id="staff-maintenance-title" data-testid="staff-signed-in-as">
            {t('staff.header.signedInAs', { name: officer.nameMasked, staffNumber: officer.staffNumber })}
          </h1>
          <p className="staff-layer__hint">{t('staff.header.autoSignOut')}</p>
        </div>
        <TouchButton variant="secondary" data-testid="staff-sign-out" onPress={props.onSignOut}>
          {t('staff.header.signOut')}
        </TouchButton>
      </header>
      <nav className="staff-tabs" aria-label={t('staff.signIn.title')}>
        {STAFF_TABS.map((name) => (
          <TouchButton
            key={name}
            variant={name === tab ? 'primary' : 'secondary'}
            aria-pressed={name === tab}
            data-testid={`staff-tab-${name}`}
            onPress={() => setTab(name)}
          >
            {t(`staff.tabs.${name}`)}
          </TouchButton>
        ))}
      </nav>
      {panel(tab, panelProps, devices, outOfService)}
    </section>
  );
}

function panel(
  tab: StaffTab,
  props: { api: KioskClient; timeZone: string | undefined; signedOut: () => void },
  devices: readonly DeviceStatus[] | null,
  outOfService: OutOfService,
): ReactElement {
  switch (tab) {
    case 'devices':
      return <DevicesPanel {...props} devices={devices} />;
    case 'consumables':
      return <ConsumablesPanel {...props} />;
    case 'prints':
      return <PrintsPanel {...props} />;
    case 'journal':
      return <JournalPanel {...props} />;
    case 'dayEnd':
      return <DayEndPanel {...props} />;
    case 'service':
      return <ServicePanel {...props} outOfService={outOfService} />;
    default: {
      const never: never = tab;
      return never;
    }
  }
}
