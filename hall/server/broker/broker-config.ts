/**
 * The hall broker's `mosquitto.conf`: one MQTT TLS listener, no anonymous
 * access, passwords and the ACL from files in the broker's folder,
 * persistence there too. Queues are sized so the hall server's persistent
 * session holds a long outage's journal rows (mosquitto's default keeps only
 * 1,000 messages per offline client and drops the rest).
 */
import { join } from 'node:path';

/** Largest MQTT packet the broker accepts; a bigger one disconnects its sender. Must exceed the link's payload cap. */
export const BROKER_MAX_PACKET_BYTES = 1024 * 1024;

export interface BrokerConfigInput {
  dir: string;
  port: number;
  host: string;
  caFile: string;
  certFile: string;
  keyFile: string;
  passwordFile: string;
  aclFile: string;
  /** `user …` line when started as root (see file-owner.ts). */
  userLines: string[];
}

export function hallBrokerConfig(input: BrokerConfigInput): string {
  return [
    '# Written by the OneDoor hall server (hall/server/broker/); rewritten on every start.',
    ...input.userLines,
    'per_listener_settings false',
    'allow_anonymous false',
    `password_file ${input.passwordFile}`,
    `acl_file ${input.aclFile}`,
    'persistence true',
    `persistence_location ${input.dir}/`,
    'autosave_interval 60',
    `max_packet_size ${BROKER_MAX_PACKET_BYTES}`,
    'max_queued_messages 1000000',
    'max_inflight_messages 100',
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'log_type notice',
    'connection_messages false',
    '',
    `listener ${input.port} ${input.host}`,
    'protocol mqtt',
    `cafile ${input.caFile}`,
    `certfile ${input.certFile}`,
    `keyfile ${input.keyFile}`,
    'tls_version tlsv1.2',
    '',
  ].join('\n');
}

export const configFile = (dir: string) => join(dir, 'mosquitto.conf');
export const aclFile = (dir: string) => join(dir, 'acl');
