import http from 'node:http';
import net from 'node:net';

import type { Registry } from 'prom-client';

import type { Logger } from '../common/log.js';

/** A running metrics endpoint. */
export interface MetricsServer {
  /** `http://host:port/metrics`. */
  url: string;
  close(): Promise<void>;
}

/** What the endpoint serves: molbatch's registry, then the SDK's exporter at `sdkUrl`. */
export interface MetricsServerOptions {
  host: string;
  port: number;
  registry: Registry;
  sdkUrl?: string;
  logger: Logger;
}

/** Serves GET /metrics: molbatch's metrics and the Temporal SDK's, in one scrape. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end('not found: GET /metrics\n');
      return;
    }
    void scrape(options).then((text) => {
      res.writeHead(200, { 'content-type': options.registry.contentType }).end(text);
    }, (error: unknown) => {
      options.logger.error({ err: error }, 'metrics scrape failed');
      res.writeHead(500).end('metrics scrape failed\n');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  return {
    url: `http://${options.host}:${options.port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function scrape(options: MetricsServerOptions): Promise<string> {
  const own = await options.registry.metrics();
  if (!options.sdkUrl) {
    return own;
  }

  try {
    const response = await fetch(options.sdkUrl);
    return `${own}\n${await response.text()}`;
  } catch (error) {
    // The SDK's exporter may not be up yet; molbatch's own metrics are still worth serving.
    options.logger.warn({ err: error, url: options.sdkUrl }, 'SDK metrics unavailable');
    return own;
  }
}

/** A TCP port free on the loopback interface now. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
