import { describe, expect, it } from 'vitest';
import { CrawlError } from '../../src/crawl/errors.ts';
import { checkUrl, isPrivateAddress } from '../../src/crawl/safety.ts';

const noResolve = async (host: string): Promise<string[]> => {
  throw new Error(`resolver must not be asked for ${host}`);
};

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof CrawlError) return err.kind;
    throw err;
  }
}

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
    '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fd12::1', 'fe80::1',
    'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1',
  ])('%s is private', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '203.0.113.9', '2001:db8::1', 'not-an-ip'])(
    '%s is not',
    (ip) => expect(isPrivateAddress(ip)).toBe(false),
  );
});

describe('checkUrl', () => {
  it('refuses literal private addresses and localhost without a lookup', async () => {
    for (const url of ['http://127.0.0.1/', 'http://10.0.0.8:8080/x', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://localhost:3000/', 'http://app.localhost/']) {
      expect(await kindOf(checkUrl(url, { resolve: noResolve }))).toBe('blocked-private');
    }
  });

  it('refuses a name when any of its addresses is private', async () => {
    const resolve = async () => ['203.0.113.5', '10.0.0.7'];
    expect(await kindOf(checkUrl('https://clinic.test/', { resolve }))).toBe('blocked-private');
  });

  it('accepts a name that resolves only to public addresses and returns them', async () => {
    const r = await checkUrl('https://clinic.test/page', { resolve: async () => ['203.0.113.5', '2001:db8::5'] });
    expect(r.addresses).toEqual(['203.0.113.5', '2001:db8::5']);
    expect(r.url.hostname).toBe('clinic.test');
  });

  it('lets private addresses through with allowPrivate', async () => {
    expect((await checkUrl('http://127.0.0.1:9/', { allowPrivate: true })).addresses).toEqual(['127.0.0.1']);
  });

  it('crawls only http and https', async () => {
    for (const url of ['ftp://clinic.test/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'no url']) {
      expect(await kindOf(checkUrl(url, { resolve: noResolve }))).toBe('bad-url');
    }
  });

  it('maps resolver failures to dns errors', async () => {
    const resolve = async () => {
      throw Object.assign(new Error('x'), { code: 'ENOTFOUND' });
    };
    expect(await kindOf(checkUrl('https://nowhere.test/', { resolve }))).toBe('dns');
  });
});
