/** The kiosk's link to the hall (issue 18): see hall-link.ts. */
export { createHallLink, type HallLink, type HallLinkDeps, type HallLinkState, type AllowListSink } from './hall-link';
export { resolveHallSettings, describeHallSettingsProblem, defaultCredentialsPath, type HallLinkSettings, type HallSettingsProblem } from './credentials';
export { HALL_OUTBOX_MIGRATION } from './outbox-migration';
export type { CommandPorts } from './commands';
