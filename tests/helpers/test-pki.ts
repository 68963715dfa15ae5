/**
 * A throw-away PKI made with `openssl` in a temp folder, for tests of the
 * back-end link: the police CA, a server certificate for 127.0.0.1/localhost
 * and a kiosk client certificate signed by it, and a second, "wrong" CA with
 * its own server and client certificates. Keys are P-256; certificates last two days.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A certificate with its key, as file paths and PEM text. */
export interface Issued {
  readonly certFile: string;
  readonly keyFile: string;
  readonly cert: string;
  readonly key: string;
}

export interface TestPki {
  readonly dir: string;
  /** The CA the kiosk and the back-end trust. */
  readonly ca: Issued;
  /** Server certificate for 127.0.0.1 and localhost, signed by `ca`. */
  readonly server: Issued;
  /** The kiosk's client certificate (CN = kiosk id), signed by `ca`. */
  readonly client: Issued;
  /** A CA nobody trusts, with a server and a client certificate of its own. */
  readonly wrongCa: Issued;
  readonly wrongServer: Issued;
  readonly wrongClient: Issued;
  /** base64(sha256(SubjectPublicKeyInfo DER)) of a certificate: the form `backend.tls.pins` takes. */
  spkiPin(issued: Issued): string;
  remove(): void;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

function makeCa(dir: string, name: string): Issued {
  openssl(dir, [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-keyout', `${name}.key`, '-out', `${name}.crt`, '-subj', `/CN=OneDoor test ${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return read(dir, name);
}

function issue(dir: string, name: string, ca: string, subject: string, extensions: string): Issued {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '2', '-out', `${name}.crt`, '-extfile', `${name}.ext`]);
  return read(dir, name);
}

function read(dir: string, name: string): Issued {
  const certFile = join(dir, `${name}.crt`);
  const keyFile = join(dir, `${name}.key`);
  return { certFile, keyFile, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}

const SERVER_EXT = 'basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n';
const CLIENT_EXT = 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n';

/** Makes the whole PKI (a few hundred ms of openssl). */
export function makeTestPki(kioskId = 'HB-KIOSK-01'): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'onedoor-pki-'));
  const ca = makeCa(dir, 'ca');
  const wrongCa = makeCa(dir, 'wrong-ca');
  return {
    dir,
    ca,
    wrongCa,
    server: issue(dir, 'server', 'ca', '/CN=localhost', SERVER_EXT),
    client: issue(dir, 'client', 'ca', `/CN=${kioskId}`, CLIENT_EXT),
    wrongServer: issue(dir, 'wrong-server', 'wrong-ca', '/CN=localhost', SERVER_EXT),
    wrongClient: issue(dir, 'wrong-client', 'wrong-ca', `/CN=${kioskId}`, CLIENT_EXT),
    spkiPin: (issued) => createHash('sha256').update(new X509Certificate(issued.cert).publicKey.export({ type: 'spki', format: 'der' })).digest('base64'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
