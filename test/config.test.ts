import { ConfigError, readConfig } from '../common/config.js';

describe('configuration', () => {
  test('a bad variable is named in the error', () => {
    expect(() => readConfig({ TEMPORAL_ADDRESS: 'no port here' })).toThrow(ConfigError);
    expect(() => readConfig({ MOLBATCH_CHEM_THREADS: 'zero' })).toThrow(/^MOLBATCH_CHEM_THREADS:/);
  });

  test('defaults give the embedded stack under .molbatch', () => {
    const config = readConfig({});

    expect(config.temporalAddress).toBeUndefined();
    expect(config.home).toMatch(/\.molbatch$/);
    expect(config.namespace).toBe('default');
  });
});

describe('the webhook secret', () => {
  test('a Standard Webhooks secret is accepted with or without its prefix', () => {
    const base64 = Buffer.from('0123456789abcdef0123').toString('base64');

    expect(readConfig({ MOLBATCH_WEBHOOK_SECRET: `whsec_${base64}` }).webhookSecret).toBe(`whsec_${base64}`);
    expect(readConfig({ MOLBATCH_WEBHOOK_SECRET: base64 }).webhookSecret).toBe(base64);
  });

  test('a word that is not base64 of enough bytes is refused, naming the variable', () => {
    expect(() => readConfig({ MOLBATCH_WEBHOOK_SECRET: 'notasecret' })).toThrow(/^MOLBATCH_WEBHOOK_SECRET:/);
    expect(() => readConfig({ MOLBATCH_WEBHOOK_SECRET: 'whsec_c2hvcnQ=' })).toThrow(/16 random bytes/);
  });
});

describe('the webhook retry window', () => {
  test('is 60 seconds unless set, and must be a positive whole number', () => {
    expect(readConfig({}).webhookRetrySeconds).toBe(60);
    expect(readConfig({ MOLBATCH_WEBHOOK_RETRY_SECONDS: '600' }).webhookRetrySeconds).toBe(600);
    expect(() => readConfig({ MOLBATCH_WEBHOOK_RETRY_SECONDS: '0' })).toThrow(/^MOLBATCH_WEBHOOK_RETRY_SECONDS:/);
  });
});

describe('operations settings', () => {
  test('defaults: 30 s of shutdown grace, info logs chosen by terminal, no metrics endpoint', () => {
    const config = readConfig({});

    expect(config.shutdownGraceSeconds).toBe(30);
    expect(config.logLevel).toBe('info');
    expect(config.logFormat).toBe('auto');
    expect(config.metricsPort).toBeUndefined();
  });

  test('a bad grace time, log level or metrics port is refused, naming the variable', () => {
    expect(() => readConfig({ MOLBATCH_SHUTDOWN_GRACE_SECONDS: '-1' }))
      .toThrow(/^MOLBATCH_SHUTDOWN_GRACE_SECONDS:/);
    expect(() => readConfig({ MOLBATCH_LOG_LEVEL: 'loud' })).toThrow(/^MOLBATCH_LOG_LEVEL:/);
    expect(() => readConfig({ MOLBATCH_METRICS_PORT: '70000' })).toThrow(/^MOLBATCH_METRICS_PORT:/);
  });
});
