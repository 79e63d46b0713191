import { barChart, lineChart, niceMax, withEmptyDays } from '../../src/progress/board-charts';

/** The numeric attribute `name` of every `<tag …>` in the markup, in order. */
function attributes(svg: string, tag: string, name: string): number[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${name}="([\\d.-]+)"`, 'g'))].map((match) => Number(match[1]));
}

describe('the progress board charts (inline SVG built on the server)', () => {
  describe('barChart', () => {
    it('is an accessible image: role="img", a <title> and a <desc> that says the figures', () => {
      const svg = barChart({ id: 'aspects', title: '按方面', bars: [{ label: '理论学习', value: 3 }] }).toString();
      expect(svg).toMatch(/^<svg class="chart" id="aspects" role="img" aria-labelledby="aspects-title aspects-desc"/);
      expect(svg).toContain('<title id="aspects-title">按方面</title>');
      expect(svg).toContain('<desc id="aspects-desc">理论学习 3 条</desc>');
      expect(svg).toMatch(/<\/svg>$/);
    });

    it('escapes labels and the title, so an aspect an organiser typed cannot become markup', () => {
      const svg = barChart({ id: 'x', title: '<b>标题</b>', bars: [{ label: '<script>alert("x")</script>&\'', value: 1 }] }).toString();
      expect({ rawScript: svg.includes('<script>'), rawBold: svg.includes('<b>') }).toEqual({ rawScript: false, rawBold: false });
      expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
      expect(svg).toContain('<title id="x-title">&lt;b&gt;标题&lt;/b&gt;</title>');
    });

    it('scales the bars to the largest value: half the value, half the length; zero, no bar', () => {
      const svg = barChart({ id: 'x', title: 't', bars: [{ label: 'a', value: 8 }, { label: 'b', value: 4 }, { label: 'c', value: 0 }] }).toString();
      const [full, half, none] = attributes(svg, 'rect', 'width');
      expect({ half: half / full, none, fullIsPositive: full > 0 }).toEqual({ half: 0.5, none: 0, fullIsPositive: true });
    });

    it('draws all-zero bars without dividing by zero', () => {
      const svg = barChart({ id: 'x', title: 't', bars: [{ label: 'a', value: 0 }, { label: 'b', value: 0 }] }).toString();
      expect(attributes(svg, 'rect', 'width')).toEqual([0, 0]);
      expect(svg).not.toContain('NaN');
    });

    it('says 暂无数据 for no bars, still as a titled image', () => {
      const svg = barChart({ id: 'x', title: '按方面', bars: [] }).toString();
      expect(svg).toContain('role="img"');
      expect(svg).toContain('<title id="x-title">按方面</title>');
      expect(svg).toContain('>暂无数据</text>');
      expect(svg).not.toContain('<rect');
    });
  });

  describe('lineChart', () => {
    it('says 暂无数据 for no days', () => {
      const svg = lineChart({ id: 'd', title: '每日', days: [] }).toString();
      expect(svg).toContain('role="img"');
      expect(svg).toContain('>暂无数据</text>');
      expect(svg).not.toMatch(/<polyline|<circle/);
    });

    it('draws one day as a single labelled point, with no line', () => {
      const svg = lineChart({ id: 'd', title: '每日', days: [{ day: '2026-12-01', count: 3 }] }).toString();
      expect({ polyline: svg.includes('<polyline'), circles: (svg.match(/<circle/g) ?? []).length }).toEqual({ polyline: false, circles: 1 });
      expect(svg).toContain('<title>2026年12月1日：3 条</title>');
      expect(svg).toContain('>12-01</text>');
      expect(svg).not.toContain('NaN');
    });

    it('draws several days as a line through every day, gaps as zeros, highest point at the top of the scale', () => {
      const svg = lineChart({ id: 'd', title: '每日', days: [{ day: '2026-12-03', count: 5 }, { day: '2026-12-01', count: 2 }] }).toString();
      const xs = attributes(svg, 'circle', 'cx');
      const ys = attributes(svg, 'circle', 'cy');
      expect({ points: xs.length, leftToRight: xs.every((x, index) => index === 0 || x > xs[index - 1]) }).toEqual({ points: 3, leftToRight: true });
      // 2, 0, 5 on a scale of 0–5: the zero lowest, the five highest (SVG y grows downwards).
      expect({ zeroLowest: ys[1] > ys[0], fiveHighest: ys[2] < ys[0] }).toEqual({ zeroLowest: true, fiveHighest: true });
      expect(svg).toContain('<title>2026年12月2日：0 条</title>');
      expect(svg).toMatch(/<polyline points="[\d., ]+"/);
      expect(svg).toContain('<desc id="d-desc">2026年12月1日 2 条；2026年12月3日 5 条</desc>');
    });
  });

  it('fills the days between the first and the last with zeros, across a month end', () => {
    expect(withEmptyDays([{ day: '2026-12-01', count: 1 }, { day: '2026-11-29', count: 2 }])).toEqual([
      { day: '2026-11-29', count: 2 },
      { day: '2026-11-30', count: 0 },
      { day: '2026-12-01', count: 1 },
    ]);
  });

  it('rounds a scale up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 2, 3, 7, 10, 11, 42, 180].map(niceMax)).toEqual([1, 1, 2, 5, 10, 10, 20, 50, 200]);
  });
});
