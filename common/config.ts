import path from 'node:path';

import { z } from 'zod';

/** Log levels, most verbose first. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;

/** How much a process logs. */
export type LogLevelName = (typeof LOG_LEVELS)[number];

const schema = z.object({
  TEMPORAL_ADDRESS: z.string().regex(/^[^\s:]+:\d+$/, 'expected host:port').optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  MOLBATCH_HOME: z.string().min(1).default('.molbatch'),
  MOLBATCH_DATABASE_URL: z.string().min(1).optional(),
  MOLBATCH_WEBHOOK_SECRET: z.string().refine(isWebhookSecret, {
    message: 'expected whsec_ followed by the base64 of at least 16 random bytes',
  }).optional(),
  MOLBATCH_WEBHOOK_RETRY_SECONDS: z.coerce.number().int().min(1).default(60),
  MOLBATCH_WEBHOOK_ALLOW_HOSTS: z.string().transform(hostList).optional(),
  MOLBATCH_CHEM_THREADS: z.coerce.number().int().positive().optional(),
  MOLBATCH_OPSIN_HEAP_MB: z.coerce.number().int().min(64).default(512),
  MOLBATCH_OPSIN_JVMS: z.coerce.number().int().positive().default(1),
  MOLBATCH_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).default(30),
  MOLBATCH_LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  MOLBATCH_LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  MOLBATCH_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  MOLBATCH_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
});

/** A Standard Webhooks secret: optional `whsec_`, then base64 of 16 or more bytes. */
function isWebhookSecret(value: string): boolean {
  const base64 = value.replace(/^whsec_/, '');
  const wellFormed = /^[A-Za-z0-9+/]+={0,2}$/.test(base64) && base64.length % 4 === 0;
  return wellFormed && Buffer.from(base64, 'base64').length >= 16;
}

/** Splits a comma-separated host list; host names compare in lower case. */
function hostList(value: string): string[] {
  return value.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean);
}

/** molbatch's configuration, read once from the environment. */
export interface Config {
  temporalAddress?: string;
  namespace: string;
  /** Folder of the embedded stack's files (dev server and SQLite store), absolute. */
  home: string;
  databaseUrl?: string;
  webhookSecret?: string;
  /** How long a webhook delivery retries, in seconds. */
  webhookRetrySeconds: number;
  /** Hosts webhooks may go to; empty: any host with public addresses. */
  webhookAllowHosts: string[];
  chemThreads?: number;
  opsinHeapMb: number;
  /** OPSIN JVMs in the worker's pool. */
  opsinJvms: number;
  /** After SIGTERM, how long in-flight activities may run before they are cancelled, in seconds. */
  shutdownGraceSeconds: number;
  logLevel: LogLevelName;
  /** `auto`: readable lines on a terminal, JSON lines otherwise. */
  logFormat: 'auto' | 'json' | 'pretty';
  /** Port of the worker's Prometheus endpoint; unset: no endpoint. */
  metricsPort?: number;
  /** Address the metrics endpoint binds to (0.0.0.0 in a container). */
  metricsHost: string;
}

/** A configuration variable with a bad value; the message names it. */
export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from environment variables. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means unset, as shells and compose files often write it.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(set);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0]), issue.message);
  }

  const v = parsed.data;
  return {
    temporalAddress: v.TEMPORAL_ADDRESS,
    namespace: v.TEMPORAL_NAMESPACE,
    home: path.resolve(v.MOLBATCH_HOME),
    databaseUrl: v.MOLBATCH_DATABASE_URL,
    webhookSecret: v.MOLBATCH_WEBHOOK_SECRET,
    webhookRetrySeconds: v.MOLBATCH_WEBHOOK_RETRY_SECONDS,
    webhookAllowHosts: v.MOLBATCH_WEBHOOK_ALLOW_HOSTS ?? [],
    chemThreads: v.MOLBATCH_CHEM_THREADS,
    opsinHeapMb: v.MOLBATCH_OPSIN_HEAP_MB,
    opsinJvms: v.MOLBATCH_OPSIN_JVMS,
    shutdownGraceSeconds: v.MOLBATCH_SHUTDOWN_GRACE_SECONDS,
    logLevel: v.MOLBATCH_LOG_LEVEL,
    logFormat: v.MOLBATCH_LOG_FORMAT,
    metricsPort: v.MOLBATCH_METRICS_PORT,
    metricsHost: v.MOLBATCH_METRICS_HOST,
  };
}
