import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes `content` to a new file in a fresh temporary folder and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'molbatch-test-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Collects an async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
  }
  return out;
}
