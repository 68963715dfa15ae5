/**
 * `npm run hall -- kiosk add <id> | list | remove <id>`: gives a kiosk its
 * login on the hall broker (a random password, its credential file in
 * `<dir>/kiosks/<id>.json`, mode 0600) or takes it away. Works whether or not
 * the broker runs: a running one (found through broker.json) reloads its
 * password file at once. Messages in zh-CN, then English. Exit codes: 0 done,
 * 64 bad usage or kiosk id, 1 the broker folder could not be prepared.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { DEFAULT_BROKER_PORT } from './hall-broker';
import {
  checkKioskId, ensureKioskCredentials, kioskFile, listKioskCredentials, readKioskCredentials, rebuildPasswordFile, removeKioskCredentials,
} from './credentials';
import { brokerUser } from './file-owner';
import { ensureBrokerPki, pkiFiles } from './pki';
import { isMosquittoProcess, readBrokerRuntime } from './runtime-file';

export interface KioskCliIo {
  out(text: string): void;
  err(text: string): void;
}

const processIo: KioskCliIo = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
};

export const KIOSK_CLI_USAGE = [
  '用法 / usage:',
  '  npm run hall -- kiosk add <kioskId>     为自助机开通大厅连接 / give a kiosk its hall-broker login',
  '  npm run hall -- kiosk list              列出已开通的自助机 / list the kiosks',
  '  npm run hall -- kiosk remove <kioskId>  注销自助机的登录 / withdraw a kiosk\'s login',
].join('\n');

/** The hall CA (made if this folder has none yet; an existing server certificate is left alone). */
function hallCaPem(dir: string): string | null {
  const { caCert } = pkiFiles(dir);
  if (existsSync(caCert)) return readFileSync(caCert, 'utf8');
  const made = ensureBrokerPki(dir);
  return made.ok ? made.value.caPem : null;
}

/** Makes a running broker reread its password file; false when none runs. */
function reloadRunningBroker(dir: string): boolean {
  const runtime = readBrokerRuntime(dir);
  if (!runtime || !isMosquittoProcess(runtime.pid)) return false;
  process.kill(runtime.pid, 'SIGHUP');
  return true;
}

function reloadNote(reloaded: boolean): string {
  return reloaded
    ? '大厅消息服务已重新加载，立即生效。 / The running hall broker reloaded: it takes effect now.'
    : '大厅消息服务未运行，下次启动 npm run hall 时生效。 / The hall broker is not running: it takes effect at the next `npm run hall`.';
}

export async function kioskCommand(argv: readonly string[], options: { dir: string; io?: KioskCliIo; staffIdKey?: string }): Promise<number> {
  const io = options.io ?? processIo;
  const args = argv[0] === 'kiosk' ? argv.slice(1) : [...argv];
  const [verb, kioskId, ...extra] = args;
  const usage = (problem: string) => {
    io.err(`${problem}\n\n${KIOSK_CLI_USAGE}`);
    return 64;
  };
  switch (verb) {
    case 'list': {
      const kiosks = listKioskCredentials(options.dir);
      if (kiosks.length === 0) io.out('尚无自助机。 / No kiosks yet.');
      for (const k of kiosks) io.out(`${k.kioskId}\t${k.url}\t${kioskFile(options.dir, k.kioskId)}`);
      return 0;
    }
    case 'add':
    case 'remove': {
      if (kioskId === undefined || extra.length > 0) return usage(`需要一个自助机编号。 / One kiosk id is needed.`);
      const problem = checkKioskId(kioskId);
      if (problem === 'invalidKioskId') return usage(`自助机编号 "${kioskId}" 无效：只能包含字母、数字、"_"、"-"、"."，最长 64 个字符。 / Kiosk id "${kioskId}" is not valid: letters, digits, "_", "-", "." only, at most 64 characters.`);
      if (problem === 'reservedKioskId') return usage(`"${kioskId}" 是大厅服务器自己的用户名，不能作为自助机编号。 / "${kioskId}" is the hall server's own username and cannot be a kiosk id.`);
      if (verb === 'remove') {
        if (!removeKioskCredentials(options.dir, kioskId)) {
          io.err(`没有编号为 "${kioskId}" 的自助机。 / There is no kiosk "${kioskId}".`);
          return 64;
        }
        rebuildPasswordFile(options.dir, brokerUser(options.dir));
        io.out(`已注销自助机 ${kioskId}。 / Kiosk ${kioskId} can no longer sign in.`);
        io.out(reloadNote(reloadRunningBroker(options.dir)));
        return 0;
      }
      mkdirSync(options.dir, { recursive: true, mode: 0o700 });
      const caPem = hallCaPem(options.dir);
      if (caPem === null) {
        io.err('无法生成大厅证书（需要 openssl）。 / The hall certificates could not be made (openssl is needed).');
        return 1;
      }
      const url = readBrokerRuntime(options.dir)?.url ?? `mqtts://127.0.0.1:${DEFAULT_BROKER_PORT}`;
      const existed = readKioskCredentials(options.dir, kioskId) !== null;
      ensureKioskCredentials(options.dir, kioskId, url, caPem, options.staffIdKey);
      rebuildPasswordFile(options.dir, brokerUser(options.dir));
      const file = kioskFile(options.dir, kioskId);
      io.out(existed ? `自助机 ${kioskId} 已开通，沿用原密码。 / Kiosk ${kioskId} already had a login; it keeps it.` : `已为自助机 ${kioskId} 开通大厅连接。 / Kiosk ${kioskId} has its hall-broker login.`);
      io.out(`凭据文件 / credential file: ${file}`);
      io.out(`将此文件复制到该自助机（仅 root 可读，含密码），并在自助机配置的大厅连接中指向它；连接地址 ${url}。 / Copy this file to that kiosk (it holds the password: keep it readable by the kiosk's user only) and point the kiosk's hall-link configuration at it; the broker is ${url}.`);
      io.out(reloadNote(reloadRunningBroker(options.dir)));
      return 0;
    }
    case undefined:
      return usage('缺少命令。 / A command is missing.');
    default:
      return usage(`未知命令 "${verb}"。 / Unknown command "${verb}".`);
  }
}
