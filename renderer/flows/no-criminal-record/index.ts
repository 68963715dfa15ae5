/** 无犯罪记录证明 on the kiosk: the reusable steps, and the main path's names for the progress bar. */
import { steps } from '../../steps';
import type { KioskFlow } from '../kiosk-flow';

/** The service as the renderer draws it; the host's flow decides every step. */
export const noCriminalRecordFlow: KioskFlow = {
  serviceId: 'no-criminal-record',
  steps,
  progress: ['identify', 'consent', 'faceCheck', 'choosePurpose', 'query', 'review', 'print', 'done'],
};
