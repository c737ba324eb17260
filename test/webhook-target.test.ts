import { checkWebhookTarget, isInternalAddress } from '../activities/webhook-target.js';
import { readConfig } from '../common/config.js';

const resolvesTo = (...addresses: string[]) => async () => addresses;

describe('which webhook hosts a worker calls', () => {
  test('loopback, private and link-local addresses are internal; public ones are not', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254',
      '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '0.0.0.0']) {
      expect([address, isInternalAddress(address)]).toEqual([address, true]);
    }
    for (const address of ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '172.32.0.1']) {
      expect([address, isInternalAddress(address)]).toEqual([address, false]);
    }
  });

  test('with no allow-list, a host name that resolves to a private address is refused, naming the fix',
    async () => {
      await expect(checkWebhookTarget('https://hooks.example.org/x', [], resolvesTo('93.184.215.14', '10.0.0.8')))
        .rejects.toThrow('hooks.example.org is a private or loopback address (10.0.0.8); ' +
          'set MOLBATCH_WEBHOOK_ALLOW_HOSTS=hooks.example.org on the worker to allow it');
    });

  test('with no allow-list, a public host is allowed', async () => {
    await expect(checkWebhookTarget('https://hooks.example.org/x', [], resolvesTo('93.184.215.14')))
      .resolves.toBeUndefined();
  });

  test('with an allow-list, only the listed hosts are allowed, loopback ones included', async () => {
    const allow = readConfig({ MOLBATCH_WEBHOOK_ALLOW_HOSTS: ' 127.0.0.1, Hooks.Example.org' }).webhookAllowHosts;

    await expect(checkWebhookTarget('http://127.0.0.1:9000/h', allow)).resolves.toBeUndefined();
    await expect(checkWebhookTarget('https://HOOKS.example.org/h', allow)).resolves.toBeUndefined();
    await expect(checkWebhookTarget('https://other.example.org/h', allow))
      .rejects.toThrow('webhook host other.example.org is not in MOLBATCH_WEBHOOK_ALLOW_HOSTS');
  });

  test('a URL that is not http or https is refused', async () => {
    await expect(checkWebhookTarget('file:///etc/passwd', [])).rejects.toThrow(/must be http or https/);
  });
});
