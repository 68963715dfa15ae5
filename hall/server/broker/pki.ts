/**
 * The hall broker's private CA and server certificate, made once with the
 * `openssl` CLI (EC P-256) and reused on every start. The CA certificate is
 * what kiosks trust (it goes into each kiosk's credential file); the CA key
 * never leaves the hall machine. The server certificate is reissued only when
 * the names it must carry change.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../domain/result';

export interface BrokerPki {
  caFile: string;
  certFile: string;
  keyFile: string;
  caPem: string;
}

export const pkiFiles = (dir: string) => ({
  caKey: join(dir, 'ca.key'),
  caCert: join(dir, 'ca.crt'),
  serverKey: join(dir, 'server.key'),
  serverCert: join(dir, 'server.crt'),
  serverNames: join(dir, 'server.names'),
});

function openssl(args: string[]): Result<void, string> {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.error) return err(`openssl could not run (${result.error.message}): apt-get install -y openssl`);
  if (result.status !== 0) return err(`openssl ${args[0]} failed: ${result.stderr.trim().split('\n').slice(-2).join(' ')}`);
  return ok(undefined);
}

/** `localhost` and `127.0.0.1` always, plus the names and addresses kiosks use to reach the hall. */
function subjectAltNames(names: readonly string[]): string {
  const all = [...new Set(['localhost', '127.0.0.1', ...names])];
  return all.map((n) => (/^[0-9.]+$/.test(n) || n.includes(':') ? `IP:${n}` : `DNS:${n}`)).join(',');
}

/** Creates what is missing in `dir` (which must exist) and answers the files to configure. */
export function ensureBrokerPki(dir: string, serverNames: readonly string[] = []): Result<BrokerPki, string> {
  const files = pkiFiles(dir);
  if (!existsSync(files.caKey) || !existsSync(files.caCert)) {
    const made = openssl([
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', files.caKey, '-out', files.caCert, '-days', '3650', '-subj', '/CN=OneDoor hall broker CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    if (!made.ok) return made;
    chmodSync(files.caKey, 0o600);
    // A new CA invalidates any server certificate signed by an older one.
    rmSync(files.serverCert, { force: true });
  }
  const san = subjectAltNames(serverNames);
  const issuedFor = existsSync(files.serverNames) ? readFileSync(files.serverNames, 'utf8') : null;
  if (!existsSync(files.serverKey) || !existsSync(files.serverCert) || issuedFor !== san) {
    const csr = join(dir, 'server.csr');
    const ext = join(dir, 'server.ext');
    writeFileSync(ext, `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`);
    const request = openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', files.serverKey, '-out', csr, '-subj', '/CN=localhost']);
    if (!request.ok) return request;
    chmodSync(files.serverKey, 0o600);
    const signed = openssl(['x509', '-req', '-in', csr, '-CA', files.caCert, '-CAkey', files.caKey, '-CAcreateserial', '-CAserial', join(dir, 'ca.srl'), '-out', files.serverCert, '-days', '825', '-extfile', ext]);
    rmSync(csr, { force: true });
    rmSync(ext, { force: true });
    if (!signed.ok) return signed;
    writeFileSync(files.serverNames, san);
  }
  return ok({ caFile: files.caCert, certFile: files.serverCert, keyFile: files.serverKey, caPem: readFileSync(files.caCert, 'utf8') });
}
