/**
 * `npm run hall`: the hall server on this machine (broker, database, console)
 * on the embedded defaults; prints the console URL. First start: makes the
 * console account `admin` (password printed once) and the default kiosk
 * HB-KIOSK-01's broker credentials.
 *
 *   npm run hall [-- --config FILE]
 *   npm run hall -- officer add <username> --role officer|supervisor [--name 显示名]
 *   npm run hall -- officer passwd <username>
 *   npm run hall -- kiosk add|list|remove …   (kiosk credentials, over the broker folder)
 *   npm run hall -- recording export <caseId> --out FILE   (decrypts a 可视化代办 recording for an audit)
 *
 * Passwords come from standard input when it is piped (`echo … | npm run hall -- officer add …`),
 * otherwise one is generated and printed once. A malformed config exits 78.
 * Without Mosquitto it installs it when run as root with apt (scripts/system-deps.mjs,
 * as `npm test` does), otherwise it names the apt-get command and exits 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureFirstAdmin } from '../hall/server/auth/first-admin';
import { addOfficer, generatePassword, MIN_PASSWORD_LENGTH, setOfficerPassword, type OfficerRefusal } from '../hall/server/auth/officers';
import { EX_CONFIG, loadHallConfig, type HallConfig } from '../hall/server/config';
import { openConfiguredDb, provisionDefaultKiosk, startHall, type HallParts } from '../hall/server/main';
import { migrateHallDb } from '../hall/server/store/migrations';
import { Role } from '../hall/contract/console-api';
import { startHallBroker } from '../hall/server/broker/hall-broker';
import { kioskCommand as runKioskCommand } from '../hall/server/broker/kiosk-cli';
import { startHallLink } from '../hall/server/link/hall-link-server';
import { startProxy } from '../hall/server/proxy/start-proxy';
import { createHallStats } from '../hall/server/stats/hall-stats';
import { recordingCommand, RECORDING_USAGE } from './hall-recording';
import { ensureSystemPackages } from './system-deps.mjs';

const USAGE = `Usage: npm run hall [-- --config FILE]
       npm run hall -- officer add <username> --role officer|supervisor [--name NAME] [--config FILE]
       npm run hall -- officer passwd <username> [--config FILE]
       npm run hall -- kiosk add|list|remove … [--config FILE]
       ${RECORDING_USAGE}`;

/** The real parts: Mosquitto run by the hall, the hall side of the MQTT link, the statistics over the rollups. */
const REAL_PARTS: HallParts = { startBroker: startHallBroker, startLink: startHallLink, createStats: createHallStats, startProxy };

/** `kiosk add|list|remove …`: provisioning over the broker folder (works while the hall runs: the broker reloads). */
async function kioskCommand(config: HallConfig, argv: string[]): Promise<number> {
  return runKioskCommand(argv, { dir: join(config.dataDir, 'broker'), staffIdKey: config.staffIdKey });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** From a pipe, or generated and printed once. */
async function newPassword(): Promise<{ password: string; generated: boolean }> {
  if (!process.stdin.isTTY) {
    const password = await readStdin();
    if (password !== '') return { password, generated: false };
  }
  return { password: generatePassword(), generated: true };
}

const REFUSALS: Record<OfficerRefusal, string> = {
  badUsername: 'A username is 1–64 letters, digits, "_", "." or "-", starting with a letter or digit. 用户名格式不正确。',
  weakPassword: `A password has at least ${MIN_PASSWORD_LENGTH} characters. 密码至少 ${MIN_PASSWORD_LENGTH} 位。`,
  exists: 'That username is taken. 该用户名已存在。',
  notFound: 'No console account has that username. 没有该账号。',
};

async function officerCommand(config: HallConfig, positionals: string[], values: { role?: string; name?: string }): Promise<number> {
  const [, action, username] = positionals;
  if ((action !== 'add' && action !== 'passwd') || !username || positionals.length !== 3) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const role = Role.safeParse(values.role ?? 'officer');
  if (action === 'add' && !role.success) {
    process.stderr.write('--role is officer or supervisor. 角色须为 officer 或 supervisor。\n');
    return 64;
  }
  const db = await openConfiguredDb(config);
  try {
    const migrated = await migrateHallDb(db);
    if (!migrated.ok) {
      process.stderr.write(`The hall database cannot be used: ${JSON.stringify(migrated.error)}\n`);
      return 1;
    }
    const { password, generated } = await newPassword();
    const result = action === 'add'
      ? await addOfficer(db, { username, displayName: values.name, role: role.success ? role.data : 'officer', password })
      : await setOfficerPassword(db, username, password);
    if (!result.ok) {
      process.stderr.write(`${REFUSALS[result.error]}\n`);
      return 1;
    }
    process.stdout.write(`${action === 'add' ? 'Added' : 'Changed the password of'} ${username}.${generated ? ` Password (shown once / 密码仅显示一次): ${password}` : ''}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

async function serve(config: HallConfig): Promise<number> {
  // Run as root with apt, the hall installs its broker as `npm test` installs its packages; otherwise it names the command.
  if (!existsSync('/usr/sbin/mosquitto') && !ensureSystemPackages({ only: ['mosquitto'], log: (line) => process.stdout.write(`${line}\n`) })) {
    process.stderr.write('The hall runs Eclipse Mosquitto, which is not installed. 未安装 Mosquitto：sudo apt-get install -y mosquitto\n');
    return 1;
  }
  // The console is served from its build: made here so `npm run hall` alone gives a working console (about 2 s).
  if (!config.consoleDir) {
    const built = spawnSync(process.execPath, [join(import.meta.dirname, 'build-hall-console.mjs')], { stdio: 'inherit' });
    if (built.status !== 0) process.stderr.write('The console could not be built; the hall starts without it. 控制台构建失败。\n');
    // The principal's phone page (可视化代办), served by the phone listener at /p/.
    if (spawnSync(process.execPath, [join(import.meta.dirname, 'build-hall-phone.mjs')], { stdio: 'inherit' }).status !== 0) process.stderr.write('The phone page could not be built. 手机页面构建失败。\n');
  }
  const started = await startHall(config, REAL_PARTS, {
    onError: (error, where) => process.stderr.write(`hall: unexpected error in ${where}: ${error instanceof Error ? error.message : String(error)}\n`),
  });
  if (!started.ok) {
    process.stderr.write(`The hall cannot start (${started.error.stage}): ${started.error.message}\n`);
    return 1;
  }
  const hall = started.value;
  const admin = await ensureFirstAdmin(hall.db);
  const kioskFile = await provisionDefaultKiosk(hall, config.dataDir);
  const lines = [
    `OneDoor hall "${config.hallName}" is running. 大厅服务已启动。`,
    `  Console 控制台: ${hall.url}`,
    `  Broker 消息服务: ${hall.broker.url}`,
    ...(hall.proxy ? [`  Phone page 代办手机页面: ${hall.proxy.phoneUrl}/p/`, `  TURN 中继: ${hall.proxy.turnUrls.length > 0 ? hall.proxy.turnUrls.join(' ') : 'none 未启用 (calls on the hall network only)'}`] : []),
    `  Data 数据目录: ${config.dataDir}`,
  ];
  if (admin) {
    lines.push(
      `  First console account 初始账号: ${admin.username} / ${admin.password}  (shown once 仅显示一次)`,
      `  Change it with 修改密码: npm run hall -- officer passwd ${admin.username}`,
    );
  }
  if (kioskFile) lines.push(`  Kiosk HB-KIOSK-01 credentials 终端连接文件: ${kioskFile}`);
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stdout.write(`\n${signal}: stopping the hall… 正在停止\n`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await hall.stop();
  return 0;
}

async function main(argv: string[]): Promise<number> {
  // `kiosk …` takes its own options (H1's); only --config is ours.
  if (argv[0] === 'kiosk') {
    const at = argv.indexOf('--config');
    const configFile = at > 0 ? argv[at + 1] : undefined;
    const config = loadHallConfig({ configFile });
    if (!config.ok) {
      process.stderr.write(`${config.error.message}\n`);
      return EX_CONFIG;
    }
    return kioskCommand(config.value, argv.slice(1).filter((_, i) => at < 0 || (i + 1 !== at && i + 1 !== at + 1)));
  }
  if (argv[0] === 'recording') {
    const at = argv.indexOf('--config');
    const config = loadHallConfig({ configFile: at > 0 ? argv[at + 1] : undefined });
    if (!config.ok) {
      process.stderr.write(`${config.error.message}\n`);
      return EX_CONFIG;
    }
    return recordingCommand(config.value, argv.slice(1));
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { config: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', default: false } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 64;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadHallConfig({ configFile: values.config });
  if (!config.ok) {
    process.stderr.write(`${config.error.message}\n`);
    return EX_CONFIG;
  }
  if (positionals[0] === 'officer') return officerCommand(config.value, positionals, values);
  if (positionals.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  return serve(config.value);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
