/**
 * The hall broker's bridge to a city or province MQTT cluster (docs/hall-bridge.md).
 * Kiosk topics go up under `halls/<hallId>/`, commands for the hall's kiosks
 * and fleet-wide publications come down. Only the topics kiosks may write go
 * up (listed one by one, not `kiosk/#`), so a command that came down is never
 * sent back up. TLS to the central cluster, verified against its CA; the
 * bridge keeps a persistent session there (`cleansession false`) so commands
 * wait for a hall whose link is down, and the hall's broker queues kiosk
 * messages for the bridge while the central side is unreachable.
 */
import { HALL_LINK_ROOT, KioskId } from '../../../electron/contract/hall-link';

export interface HallBrokerBridge {
  /** The hall's id in the fleet: topic prefix `halls/<hallId>/` and bridge client id `hall-<hallId>`. */
  hallId: string;
  /** `host:port` of the central cluster's TLS listener. */
  address: string;
  /** The central cluster's CA (PEM). */
  caPem: string;
  username: string;
  password: string;
  /**
   * Off by default: commands for this hall's kiosks and fleet-wide publications (a staff allow-list)
   * from the central cluster bypass the hall's role checks and audit, so a hall takes them only when
   * its operators decide the city or province may act on its kiosks directly.
   */
  fromCentral?: { commands?: boolean; hallPublications?: boolean };
}

/** Topics a kiosk writes, forwarded up (mirrors the ACL's kiosk write list). */
const UP = ['online', 'status', 'alert', 'help', 'supervision', 'journal', 'command/ack'] as const;

export const bridgePrefix = (hallId: string) => `halls/${hallId}/`;

export function validBridge(bridge: HallBrokerBridge): string | null {
  if (!KioskId.safeParse(bridge.hallId).success) return `hall id "${bridge.hallId}" is not valid: letters, digits, "_", "-", "." only`;
  if (!/^[A-Za-z0-9.:[\]-]+:\d{1,5}$/.test(bridge.address)) return `bridge address "${bridge.address}" must be host:port`;
  if (/\s/.test(bridge.username) || /[\r\n]/.test(bridge.password)) return 'the bridge credentials cannot contain spaces or line breaks';
  return null;
}

export function hallBridgeConfig(bridge: HallBrokerBridge, caFile: string): string[] {
  const prefix = bridgePrefix(bridge.hallId);
  return [
    `connection hall-${bridge.hallId}`,
    `address ${bridge.address}`,
    'bridge_protocol_version mqttv50',
    `remote_clientid hall-${bridge.hallId}`,
    `remote_username ${bridge.username}`,
    `remote_password ${bridge.password}`,
    `bridge_cafile ${caFile}`,
    'bridge_insecure false',
    'cleansession false',
    'restart_timeout 2 30',
    'notifications true',
    `notification_topic ${prefix}bridge/state`,
    ...UP.map((kind) => `topic ${HALL_LINK_ROOT}/kiosk/+/${kind} out 1 "" ${prefix}`),
    ...(bridge.fromCentral?.commands ? [`topic ${HALL_LINK_ROOT}/kiosk/+/command in 1 "" ${prefix}`] : []),
    ...(bridge.fromCentral?.hallPublications ? [`topic ${HALL_LINK_ROOT}/hall/# in 1 "" ${prefix}`] : []),
    '',
  ];
}
