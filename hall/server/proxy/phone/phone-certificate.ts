/**
 * The phone listener's certificate, signed by the hall's private CA
 * (hall/server/broker/pki.ts, which makes the CA first if it is missing)
 * for the names phones reach the hall by. Reissued when those names change.
 * A principal's own phone does not trust that CA: a site that invites
 * phones from outside its LAN gives the listener a publicly trusted
 * certificate instead (the options take any PEM pair).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../../domain/result';
import { ensureBrokerPki, pkiFiles } from '../../broker/pki';

export interface PhoneCertificate {
  cert: string;
  key: string;
}

function openssl(args: string[]): Result<void, string> {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.error) return err(`openssl could not run (${result.error.message}): apt-get install -y openssl`);
  if (result.status !== 0) return err(`openssl ${args[0]} failed: ${result.stderr.trim().split('\n').slice(-2).join(' ')}`);
  return ok(undefined);
}

/** `dir` is the hall's PKI folder (it must exist); `names` are host names or IP addresses. */
export function issuePhoneCertificate(dir: string, names: readonly string[]): Result<PhoneCertificate, string> {
  const pki = ensureBrokerPki(dir);
  if (!pki.ok) return pki;
  const files = { key: join(dir, 'phone.key'), cert: join(dir, 'phone.crt'), names: join(dir, 'phone.names') };
  const all = [...new Set(['localhost', '127.0.0.1', ...names])];
  const san = all.map((n) => (/^[0-9.]+$/.test(n) || n.includes(':') ? `IP:${n}` : `DNS:${n}`)).join(',');
  const issuedFor = existsSync(files.names) ? readFileSync(files.names, 'utf8') : null;
  if (!existsSync(files.key) || !existsSync(files.cert) || issuedFor !== san) {
    const csr = join(dir, 'phone.csr');
    const ext = join(dir, 'phone.ext');
    writeFileSync(ext, `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`);
    const request = openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', files.key, '-out', csr, '-subj', '/CN=OneDoor phone page']);
    if (!request.ok) return request;
    chmodSync(files.key, 0o600);
    const ca = pkiFiles(dir);
    // 398 days: the longest validity browsers accept for a server certificate.
    const signed = openssl(['x509', '-req', '-in', csr, '-CA', ca.caCert, '-CAkey', ca.caKey, '-CAcreateserial', '-CAserial', join(dir, 'ca.srl'), '-out', files.cert, '-days', '398', '-extfile', ext]);
    rmSync(csr, { force: true });
    rmSync(ext, { force: true });
    if (!signed.ok) return signed;
    writeFileSync(files.names, san);
  }
  return ok({ cert: readFileSync(files.cert, 'utf8'), key: readFileSync(files.key, 'utf8') });
}
