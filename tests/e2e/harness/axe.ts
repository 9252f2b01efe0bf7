// Runs axe-core in the app page. The app's CSP (script-src 'self') refuses an injected <script>, and it should:
// so axe's source is evaluated through the DevTools protocol (page.evaluate), which CSP does not govern, rather
// than turning the CSP off with bypassCSP: the page audited is the page users get, CSP included.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeNode {
  target: string;
  html: string;
  summary: string;
}

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

export interface AxeReport {
  violations: AxeFinding[];
  incomplete: AxeFinding[];
}

/** Audits the page as it is now (WCAG 2.x A and AA rules plus axe's best practices). */
export async function audit(page: Page): Promise<AxeReport> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations', 'incomplete'],
    });
    const pick = (findings: typeof result.violations) =>
      findings.map((finding) => ({
        id: finding.id,
        impact: finding.impact ?? null,
        help: finding.help,
        nodes: finding.nodes.map((node) => ({
          target: node.target.join(' '),
          html: node.html.slice(0, 160),
          summary: (node.failureSummary ?? node.any.map((check) => check.message).join('; ')).slice(0, 300),
        })),
      }));
    return { violations: pick(result.violations), incomplete: pick(result.incomplete) };
  });
}

/** One line per failing node, readable in a test failure. */
export function describeFindings(findings: AxeFinding[]): string[] {
  return findings.flatMap((finding) => finding.nodes.map((node) => `${finding.id} (${finding.impact ?? '?'}) ${node.target}: ${node.summary} — ${node.html}`));
}

export interface ContrastMeasure {
  /** The lowest contrast of the text against any background it can sit on (plain colour or gradient stripe). */
  ratio: number;
  /** WCAG large text (24 px, or 18.66 px bold): 3:1 suffices. */
  large: boolean;
  text: string;
}

/**
 * Measures what axe leaves for review ("background gradient", "partially obscured", "too short"): the text colour
 * against the first opaque background behind it, and against that background with every gradient stripe of an
 * ancestor blended over it. Needs no guess about what axe could not see: it reads the computed styles.
 */
export async function measureContrast(page: Page, selector: string): Promise<ContrastMeasure> {
  const found = await page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) return null;
    const parse = (value: string): number[] | null => {
      const match = /rgba?\(([^)]+)\)/.exec(value);
      if (!match) return null;
      const parts = (match[1] as string)
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const style = getComputedStyle(element);
    const fg = parse(style.color) as number[];
    let base: number[] = [255, 255, 255, 1];
    const stripes: number[][] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const own = getComputedStyle(node);
      for (const stop of own.backgroundImage.match(/rgba?\([^)]+\)/g) ?? []) stripes.push(parse(stop) as number[]);
      const background = parse(own.backgroundColor);
      if (background && background[3] === 1) {
        base = background;
        break;
      }
    }
    const weight = Number.parseInt(style.fontWeight, 10);
    const size = Number.parseFloat(style.fontSize);
    return { fg, base, stripes, large: size >= 24 || (size >= 18.66 && weight >= 700), text: (element.textContent ?? '').slice(0, 40) };
  }, selector);
  if (!found) throw new Error(`no element for ${selector}`);
  const blend = (top: number[], under: number[]) =>
    [0, 1, 2].map((i) => (top[i] as number) * (top[3] as number) + (under[i] as number) * (1 - (top[3] as number)));
  const luminance = (rgb: number[]) => {
    const [r, g, b] = rgb.map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a: number[], b: number[]) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const backgrounds = [found.base.slice(0, 3), ...found.stripes.map((stripe) => blend(stripe, found.base))];
  const ink = blend(found.fg, found.base);
  return { ratio: Math.min(...backgrounds.map((background) => ratio(ink, background))), large: found.large, text: found.text };
}
