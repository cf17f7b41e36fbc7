// The level colours (styles/palette.css, from the Rust palette) must stay readable and apart: text on each
// fill and each ink on the page at WCAG AA, and neighbouring levels, 3 and 4
// above all, distinguishable also with the common colour vision deficiencies.
import { describe, expect, it } from 'vitest';

// Read as a file: the test run does not load stylesheets.
const fs = (await import(/* @vite-ignore */ ['node', 'fs'].join(':'))) as {
  readFileSync(path: string, encoding: 'utf8'): string;
};
// Tests run from ui/ (npm test).
const css = fs.readFileSync('src/styles/palette.css', 'utf8');

const LEVELS = ['0', '1', '2', '3', '4', '5', 'na'];

/** The light theme's value of a custom property (its first definition). */
function color(name: string): number[] {
  const m = new RegExp(`--${name}:\\s*#([0-9a-f]{6})`, 'i').exec(css);
  if (!m) throw new Error(`--${name} is not defined as a hex colour`);
  return [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16) / 255);
}

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const gamma = (c: number) => {
  const v = Math.min(1, Math.max(0, c));
  return v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
};
const luminance = (rgb: number[]) => {
  const [r, g, b] = rgb.map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

// Machado, Oliveira and Fernandes (2009), full severity, on linear RGB.
const DEFICIENCY: Record<string, number[][]> = {
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};
const seenWith = (rgb: number[], m: number[][]) => {
  const l = rgb.map(linear);
  return m.map((row) => gamma(row.reduce((sum, k, i) => sum + k * l[i]!, 0)));
};
const lab = (rgb: number[]) => {
  const [r, g, b] = rgb.map(linear) as [number, number, number];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
};
const difference = (a: number[], b: number[]) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

const WHITE = [1, 1, 1];

describe('the level colours', () => {
  it('carry readable text on their fill and read as text on the page', () => {
    for (const level of LEVELS) {
      expect(contrast(color(`lv-${level}`), color(`lv-${level}-on`)), `text on level ${level}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color(`lv-${level}-ink`), WHITE), `ink of level ${level}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keep neighbouring levels apart, with normal colour vision and the common deficiencies', () => {
    const fills = ['0', '1', '2', '3', '4', '5'].map((l) => color(`lv-${l}`));
    for (const [vision, matrix] of [['normal', null], ...Object.entries(DEFICIENCY)] as [string, number[][] | null][]) {
      const seen = fills.map((c) => (matrix ? seenWith(c, matrix) : c));
      for (let i = 0; i + 1 < seen.length; i++) {
        expect(difference(seen[i]!, seen[i + 1]!), `${i} and ${i + 1}, ${vision}`).toBeGreaterThan(15);
      }
      // Established (the usual target) and Predictable: never confused.
      expect(difference(seen[3]!, seen[4]!), `3 and 4, ${vision}`).toBeGreaterThan(vision === 'tritanopia' ? 25 : 60);
    }
  });
});
