import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

import type { Config } from './config.js';

export type { Logger } from 'pino';

/**
 * The process's logger: JSON lines on stdout, or readable lines when a person watches the
 * terminal (MOLBATCH_LOG_FORMAT=auto) or asks for them (pretty).
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat'>): Logger {
  const readable = config.logFormat === 'pretty'
    || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  const options = { level: config.logLevel, base: { pid: process.pid } };
  if (!readable) {
    // Synchronous writes: lines written just before a drain's exit must not be lost.
    return pino(options, pino.destination({ dest: 1, sync: true }));
  }
  return pino(options, pretty({ colorize: true, sync: true, singleLine: true, ignore: 'pid,hostname' }));
}
