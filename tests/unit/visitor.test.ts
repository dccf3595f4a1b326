/**
 * The visitor hash: keyed on IP and User-Agent under a salt that changes each UTC day, distinct
 * per input, and never holding the IP, the User-Agent or the secret.
 */

import { createVisitorHasher, utcDay } from '../../src/views/visitor';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36';
const IP = '203.0.113.42';

describe('utcDay', () => {
  it('is the UTC calendar day, whatever the local time', () => {
    expect(utcDay(new Date('2026-03-01T00:00:00.000Z'))).toBe('2026-03-01');
    expect(utcDay(new Date('2026-02-28T23:59:59.999Z'))).toBe('2026-02-28');
    // 01:30 in UTC+2 is still the previous day in UTC.
    expect(utcDay(new Date('2026-03-01T01:30:00+02:00'))).toBe('2026-02-28');
  });
});

describe('the visitor hash', () => {
  const visitor = createVisitorHasher('test-key-a,test-key-b');

  it('is the same for one IP and User-Agent within a day', () => {
    expect(visitor(IP, UA, '2026-03-01')).toBe(visitor(IP, UA, '2026-03-01'));
    // A second hasher with the same secret (another instance) agrees.
    expect(createVisitorHasher('test-key-a,test-key-b')(IP, UA, '2026-03-01')).toBe(
      visitor(IP, UA, '2026-03-01'),
    );
  });

  it('changes with the day (the salt rolls over), and comes back for that day', () => {
    const monday = visitor(IP, UA, '2026-03-02');
    const tuesday = visitor(IP, UA, '2026-03-03');
    expect(tuesday).not.toBe(monday);
    expect(visitor(IP, UA, '2026-03-02')).toBe(monday);
  });

  it('differs per IP, per User-Agent and per secret', () => {
    const base = visitor(IP, UA, '2026-03-01');
    expect(visitor('203.0.113.43', UA, '2026-03-01')).not.toBe(base);
    expect(visitor(IP, `${UA} extra`, '2026-03-01')).not.toBe(base);
    expect(createVisitorHasher('another-secret')(IP, UA, '2026-03-01')).not.toBe(base);
  });

  it('does not run IP and User-Agent together ambiguously', () => {
    // "1.2.3.4" + "5 UA" must not equal "1.2.3.45" + " UA".
    expect(visitor('1.2.3.4', '5 UA', '2026-03-01')).not.toBe(
      visitor('1.2.3.45', ' UA', '2026-03-01'),
    );
  });

  it('never contains the IP, the User-Agent or the secret, in any encoding', () => {
    const secret = 'test-key-a,test-key-b';
    const ips = [IP, '::1', '2001:db8::1', '10.0.0.1'];
    for (const ip of ips) {
      const hash = visitor(ip, UA, '2026-03-01');
      expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/); // a 256-bit HMAC in base64url
      for (const encoded of [
        ip,
        Buffer.from(ip).toString('hex'),
        Buffer.from(ip).toString('base64url'),
      ]) {
        expect(hash).not.toContain(encoded);
      }
      expect(hash).not.toContain(Buffer.from(secret).toString('base64url').slice(0, 8));
    }
  });
});
