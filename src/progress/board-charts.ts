import { addDays } from '../common/dates';
import { html, SafeHtml } from '../web/html';
import { dayInWords } from '../web/dates';

/**
 * The progress board's charts, drawn on the server as inline SVG: no chart library, nothing from a
 * CDN, and they show without JavaScript. Every text goes through `html`, so an aspect an organiser
 * typed can never become markup. Each chart is `role="img"` with a <title> and a <desc> that says
 * the figures in words, for screen readers.
 */

export interface Bar {
  label: string;
  value: number;
}

export interface DayCount {
  /** YYYY-MM-DD */
  day: string;
  count: number;
}

interface ChartText {
  /** Unique on the page: the <title> and <desc> are referred to by it. */
  id: string;
  title: string;
}

/*
 * The charts scale with the page: at 375 px a unit is about half a pixel. The board's styles set
 * larger text (in these units) on narrow screens, so labels stay at 11 px or more; the spacing
 * below leaves room for that text (up to 28 units) without overlapping bars or axes.
 */
const WIDTH = 640;
const BAR_ROW = 56;
const BAR_HEIGHT = 14;
/** Within a bar's row: the label's baseline, the bar's top, the figure's baseline. */
const BAR_LABEL_Y = 24;
const BAR_TOP = 34;
const BAR_FIGURE_Y = 47;
/** Room right of the longest bar for its figure. */
const FIGURE_ROOM = 64;
const LINE_HEIGHT = 220;
const PLOT = { left: 56, right: 20, top: 16, bottom: 36 };
/** Gaps between days are filled with zeros up to this span; a longer one is drawn as given. */
const MAX_FILLED_DAYS = 366;

/** Horizontal bars, one row per label (the label above its bar, so long aspect names fit). */
export function barChart({ id, title, bars }: ChartText & { bars: readonly Bar[] }): SafeHtml {
  if (bars.length === 0) return emptyChart(id, title);
  const max = Math.max(...bars.map((bar) => bar.value));
  const room = WIDTH - FIGURE_ROOM;
  const height = bars.length * BAR_ROW + 4;
  const rows = bars.map((bar, index) => {
    const y = index * BAR_ROW;
    const width = max > 0 ? round((bar.value / max) * room) : 0;
    return html`<g class="bar"><text x="0" y="${y + BAR_LABEL_Y}" class="chart-label">${bar.label}</text><rect x="0" y="${y + BAR_TOP}" width="${width}" height="${BAR_HEIGHT}" rx="2" class="chart-bar"><title>${bar.label}：${bar.value} 条</title></rect><text x="${width + 6}" y="${y + BAR_FIGURE_Y}" class="chart-figure">${bar.value}</text></g>`;
  });
  return svg(id, title, describe(bars.map((bar) => `${bar.label} ${bar.value} 条`)), height, rows);
}

/** Opinions per day as a line; days without any count as zero. One day is a single point. */
export function lineChart({ id, title, days }: ChartText & { days: readonly DayCount[] }): SafeHtml {
  if (days.length === 0) return emptyChart(id, title);
  const points = withEmptyDays(days);
  const top = niceMax(Math.max(...points.map((point) => point.count)));
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = LINE_HEIGHT - PLOT.top - PLOT.bottom;
  const xOf = (index: number) => round(PLOT.left + (points.length === 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth));
  const yOf = (count: number) => round(PLOT.top + plotHeight - (count / top) * plotHeight);
  const ticks = [0, top / 2, top].filter((tick) => Number.isInteger(tick));
  const grid = ticks.map(
    (tick) => html`<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${yOf(tick)}" y2="${yOf(tick)}" class="chart-grid"/><text x="${PLOT.left - 6}" y="${yOf(tick)}" dy="0.35em" text-anchor="end" class="chart-axis">${tick}</text>`,
  );
  const labelled = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])];
  const anchor = (index: number) => (points.length === 1 ? 'middle' : index === 0 ? 'start' : index === points.length - 1 ? 'end' : 'middle');
  const axis = labelled.map((index) => html`<text x="${xOf(index)}" y="${LINE_HEIGHT - 12}" text-anchor="${anchor(index)}" class="chart-axis">${shortDay(points[index].day)}</text>`);
  const line = points.length > 1 ? html`<polyline points="${points.map((point, index) => `${xOf(index)},${yOf(point.count)}`).join(' ')}" class="chart-line"/>` : '';
  const dots = points.map((point, index) => html`<circle cx="${xOf(index)}" cy="${yOf(point.count)}" r="${points.length > 60 ? 2 : 4}" class="chart-dot"><title>${dayInWords(point.day)}：${point.count} 条</title></circle>`);
  const only = points.length === 1 ? html`<text x="${xOf(0)}" y="${yOf(points[0].count) - 10}" text-anchor="middle" class="chart-figure">${points[0].count}</text>` : '';
  const words = describe(points.filter((point) => point.count > 0).map((point) => `${dayInWords(point.day)} ${point.count} 条`));
  return svg(id, title, words, LINE_HEIGHT, [grid, axis, line, dots, only]);
}

/** The first day to the last, every day present: a day without opinions is a zero, not a gap in the line. */
export function withEmptyDays(days: readonly DayCount[]): DayCount[] {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const first = Date.parse(`${sorted[0].day}T00:00:00Z`);
  const span = Math.round((Date.parse(`${sorted[sorted.length - 1].day}T00:00:00Z`) - first) / 86_400_000) + 1;
  if (!(span > 0 && span <= MAX_FILLED_DAYS)) return sorted;
  const counts = new Map(sorted.map((day) => [day.day, day.count]));
  return Array.from({ length: span }, (_, offset) => {
    const day = addDays(sorted[0].day, offset);
    return { day, count: counts.get(day) ?? 0 };
  });
}

/** The smallest of 1, 2, 5, 10, 20, 50 … at or above `value` (at least 1): a scale that reads well. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

function svg(id: string, title: string, words: string, height: number, content: Array<SafeHtml | SafeHtml[] | string>): SafeHtml {
  return html`<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title id="${id}-title">${title}</title><desc id="${id}-desc">${words}</desc>${content}</svg>`;
}

function emptyChart(id: string, title: string): SafeHtml {
  return svg(id, title, '暂无数据', 60, [html`<text x="${WIDTH / 2}" y="36" text-anchor="middle" class="chart-empty">暂无数据</text>`]);
}

function describe(parts: string[]): string {
  return parts.join('；');
}

/** 2026-12-05 → 12-05 */
function shortDay(day: string): string {
  return day.slice(5);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
