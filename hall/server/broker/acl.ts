/**
 * The broker's ACL (mosquitto `acl_file`). The hall server reads and writes
 * the whole tree; every other user is a kiosk whose username is its kiosk id
 * (`%u`): it may write only its own topics and read only its own commands and
 * what the hall publishes to all kiosks. A kiosk therefore cannot publish as
 * another nor read another's commands (tests/hall/broker/acl.test.ts).
 */
import { HALL_LINK_ROOT } from '../../../electron/contract/hall-link';

export const HALL_USERNAME = 'hall';

/** Topics a kiosk publishes, under `…/kiosk/<its id>/`. */
const KIOSK_WRITES = ['online', 'status', 'alert', 'help', 'supervision', 'journal', 'command/ack', 'proxy'] as const;

export function hallBrokerAcl(): string {
  return [
    '# Written by the OneDoor hall server (hall/server/broker/acl.ts); rewritten on every start.',
    `user ${HALL_USERNAME}`,
    `topic readwrite ${HALL_LINK_ROOT}/#`,
    '',
    '# Every kiosk (username = kiosk id):',
    ...KIOSK_WRITES.map((t) => `pattern write ${HALL_LINK_ROOT}/kiosk/%u/${t}`),
    `pattern read ${HALL_LINK_ROOT}/kiosk/%u/command`,
    `pattern read ${HALL_LINK_ROOT}/kiosk/%u/proxy/down`,
    `pattern read ${HALL_LINK_ROOT}/hall/#`,
    '',
  ].join('\n');
}
