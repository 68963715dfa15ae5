/** Shapes the dock's parts share. */
import type { CallParams } from '../../electron/contract';
import type { DockState } from './useDockState';

/** One device as `dock.state` lists it. */
export type DockDeviceState = DockState['devices'][number];

/** Sends one or more `dock.act` calls in order, then reloads the state. */
export type DockAct = (...steps: CallParams<'dock.act'>[]) => Promise<void>;
