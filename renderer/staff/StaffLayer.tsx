/**
 * Everything staff-related the kiosk shell shows, over whatever is below:
 * the hidden corner gesture on the attract screen, the sign-in screens, the
 * maintenance screen of a signed-in officer, and the out-of-service page
 * citizens see. The host's `staff.changed` decides; the 2-minute auto
 * sign-out is the host's and brings the attract screen back.
 */
import { useCallback, useState, type ReactElement } from 'react';
import type { DeviceStatus } from '../../electron/contract';
import type { KioskClient } from '../api/types';
import { OutOfServiceScreen } from './OutOfServiceScreen';
import { StaffCornerGesture } from './StaffCornerGesture';
import { StaffMaintenance } from './StaffMaintenance';
import { StaffSignIn } from './StaffSignIn';
import { useServiceState, useStaffView } from './use-staff';

export interface StaffLayerProps {
  api: KioskClient;
  /** The host is reachable (calls are made only then). */
  available: boolean;
  /** The attract screen is showing (no citizen session). */
  attract: boolean;
  devices: readonly DeviceStatus[] | null;
  timeZone: string | undefined;
}

export function StaffLayer({ api, available, attract, devices, timeZone }: StaffLayerProps): ReactElement | null {
  const { view, refresh, touched } = useStaffView(api, available);
  const outOfService = useServiceState(api, available);
  const [enteringNumber, setEnteringNumber] = useState(false);
  const close = useCallback(() => setEnteringNumber(false), []);

  if (view.phase === 'signedIn') {
    return (
      <div onPointerDown={touched}>
        <StaffMaintenance
          api={api}
          officer={view.officer}
          devices={devices}
          outOfService={outOfService}
          timeZone={timeZone}
          signedOut={refresh}
          onSignOut={async () => {
            const result = await api.call('staff.signOut', {});
            if (result.ok) refresh();
            close();
          }}
        />
      </div>
    );
  }
  if (view.phase === 'cardChoice' || view.phase === 'pin' || enteringNumber) {
    return (
      <StaffSignIn
        api={api}
        view={view}
        enteringNumber={enteringNumber}
        timeZone={timeZone}
        onView={() => refresh()}
        onClose={close}
      />
    );
  }
  if (!attract) return null;
  return (
    <>
      {outOfService ? <OutOfServiceScreen state={outOfService} timeZone={timeZone} /> : null}
      <StaffCornerGesture onGesture={() => setEnteringNumber(true)} />
    </>
  );
}
