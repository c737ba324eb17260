import type { LogLevel, LogMetadata, Logger as SdkLogger } from '@temporalio/common';

import type { Logger } from '../common/log.js';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error',
};

/**
 * The Temporal runtime's logger, writing into molbatch's pino logger: the SDK's own messages,
 * the workflow and activity context loggers and the forwarded Core logs share one stream.
 */
export function sdkLogger(logger: Logger): SdkLogger {
  const write = (level: LogLevel, message: string, meta?: LogMetadata) => {
    const { sdkComponent, ...fields } = meta ?? {};
    logger[LEVELS[level]]({ component: sdkComponent ?? 'sdk', ...fields }, message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}
