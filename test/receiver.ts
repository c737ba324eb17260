import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The Standard Webhooks secret the tests sign and verify with. */
export const SECRET = `whsec_${Buffer.from('molbatch-test-secret-0123456789').toString('base64')}`;

/** One request a receiver got. */
export interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver. */
export interface Receiver {
  url: string;
  deliveries: Delivery[];
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1 that answers with `statuses` in turn, then with the last one. */
export function startReceiver(statuses: number[]): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body });
      res.writeHead(statuses[Math.min(deliveries.length, statuses.length) - 1]).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hooks/molbatch`,
        deliveries,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
