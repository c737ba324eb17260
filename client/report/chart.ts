import { SCORE_BIN_WIDTH } from './collect.js';

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 24, right: 12, bottom: 40, left: 12 };

/** Height in SVG units of the tallest bar. */
export const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

/** An inline SVG histogram: one bar per score bin, its count above it, its range below. */
export function scoreHistogram(bins: readonly number[]): string {
  const tallest = Math.max(1, ...bins);
  const slot = (WIDTH - MARGIN.left - MARGIN.right) / bins.length;
  const baseline = MARGIN.top + PLOT_HEIGHT;

  const bars = bins.map((count, bin) => {
    const height = (count / tallest) * PLOT_HEIGHT;
    const x = MARGIN.left + bin * slot;
    const centre = (x + slot / 2).toFixed(1);
    return [
      `<rect class="bar" data-bin="${bin}" data-count="${count}" x="${(x + 4).toFixed(1)}"`,
      ` y="${(baseline - height).toFixed(2)}" width="${(slot - 8).toFixed(1)}"`,
      ` height="${height.toFixed(2)}"><title>${binLabel(bin, bins.length)}: ${count}</title>`,
      '</rect>',
      `<text class="count" x="${centre}" y="${(baseline - height - 6).toFixed(1)}">${count}</text>`,
      `<text class="range" x="${centre}" y="${baseline + 18}">${binLabel(bin, bins.length)}`,
      '</text>',
    ].join('');
  });

  return [
    `<svg class="histogram" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img"`,
    ' aria-label="Molecules per score range">',
    ...bars,
    `<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${baseline}"`,
    ` y2="${baseline}"/>`,
    `<text class="axis-title" x="${WIDTH / 2}" y="${HEIGHT - 4}">score</text>`,
    '</svg>',
  ].join('');
}

function binLabel(bin: number, binCount: number): string {
  const low = bin * SCORE_BIN_WIDTH;
  const high = bin === binCount - 1 ? 100 : low + SCORE_BIN_WIDTH - 1;
  return `${low}\u2013${high}`;
}
