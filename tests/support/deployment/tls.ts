import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throwaway self-signed certificate for https on this machine (browsers warn about it; tests
 * accept it). A P-256 key: made in milliseconds, where RSA takes a noticeable moment.
 */
export async function makeSelfSignedCertificate(dir: string, hosts = ['localhost', '127.0.0.1']): Promise<{ certificate: string; key: string }> {
  const certificate = path.join(dir, 'certificate.pem');
  const key = path.join(dir, 'key.pem');
  const names = hosts.map((host) => (/^[\d.]+$|:/.test(host) ? `IP:${host}` : `DNS:${host}`)).join(',');
  await mkdir(dir, { recursive: true });
  try {
    await run('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '30',
      '-subj', `/CN=${hosts[0] ?? 'localhost'}`, '-addext', `subjectAltName=${names}`, '-keyout', key, '-out', certificate,
    ]);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`openssl could not make a self-signed certificate (Debian: apt-get install openssl): ${detail}`);
  }
  return { certificate, key };
}
