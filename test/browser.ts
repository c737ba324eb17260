import fs from 'node:fs';

import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, or the one MOLBATCH_TEST_CHROMIUM names. */
export const CHROMIUM = process.env.MOLBATCH_TEST_CHROMIUM || '/usr/bin/chromium';

// Flags for a quiet headless browser on a shared machine: no GPU, no calls home.
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts headless Chromium with a fresh profile; fails loudly, naming the fix, when missing. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's with \`apt-get install -y chromium\` ` +
      '(as root; .ci/run does), or name another with MOLBATCH_TEST_CHROMIUM',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}
