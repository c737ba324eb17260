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
