/**
 * A real PostgreSQL server for tests and benchmarks, in a throwaway folder on
 * a free port: Debian's postgresql binaries, run as the `postgres` system
 * user when we are root (PostgreSQL refuses to run as root), as ourselves
 * otherwise. Listens on 127.0.0.1 and a socket in its own folder; trust auth
 * for local connections only. `stop()` stops it and removes the folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LocalPostgres {
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:PORT/postgres` */
  readonly connectionString: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** The newest installed server binaries (`/usr/lib/postgresql/<major>/bin`), or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
  for (const major of majors) if (existsSync(join(root, major, 'bin', 'pg_ctl'))) return join(root, major, 'bin');
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startLocalPostgres(options: { settings?: Record<string, string> } = {}): Promise<LocalPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found: apt-get install -y postgresql');
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-pg-'));
  const dataDir = join(dir, 'data');
  const socketDir = dir;
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const asOwner = (cmd: string, args: string[]) => {
    const result = isRoot ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  asOwner(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const settings = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', ...options.settings };
  const extra = Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`).join(' ');
  asOwner(join(bin, 'pg_ctl'), ['-D', dataDir, '-o', `-p ${port} -k ${socketDir} -h 127.0.0.1 ${extra}`, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    port,
    dataDir,
    connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        asOwner(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
