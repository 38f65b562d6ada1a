// A throw-away CA and one leaf certificate for every host the mock impersonates, made with
// the system's `openssl` at run time (nothing secret is ever committed). The leaf says
// CA:FALSE: Firefox rejects a self-signed CA:TRUE certificate used as a server certificate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ALL_MOCK_HOSTS } from './hosts';

export interface TestCertificates {
  dir: string;
  caPem: string;
  certPem: string;
  keyPem: string;
  /** Deletes the temp dir (the keys). */
  remove(): void;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(path.join(tmpdir(), 'mp-mock-certs-'));
  // EC keys: generated in milliseconds, where RSA takes a noticeable moment on 2 slow cores.
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=Margin Preflight e2e test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  openssl(['req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=margin-preflight-mock'], dir);
  const sans = [...ALL_MOCK_HOSTS.map((h) => `DNS:${h}`), 'DNS:localhost', 'IP:127.0.0.1'].join(',');
  writeFileSync(
    path.join(dir, 'leaf.ext'),
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${sans}`,
    ].join('\n'),
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'leaf.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'leaf.pem',
      '-days',
      '2',
      '-extfile',
      'leaf.ext',
    ],
    dir,
  );
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  return {
    dir,
    caPem: read('ca.pem'),
    certPem: read('leaf.pem'),
    keyPem: read('leaf.key'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
