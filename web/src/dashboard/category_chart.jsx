// A uPlot chart over named categories (stages, months, reasons): bars and lines side by side,
// each series with its own colour and value format, the value axis from zero. Redrawn when its
// data or language changes.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { formatCompactNumber, formatNumber, lang } from '../i18n.js';

// A category name cut to what fits under its place on the axis (the legend shows it whole).
function shorten(label, chars) {
    return label.length <= chars ? label : `${label.slice(0, Math.max(chars - 1, 1))}…`;
}

// series: [{label, values, color, bars: true|false, size (bar width share), format(v)}]
export function CategoryChart({ labels, series, title, categoryLabel, height = 240, testid, format = formatNumber }) {
    const ref = useRef(null);
    useEffect(() => {
        if (!ref.current || labels.length === 0) {
            return undefined;
        }
        const width = Math.min(ref.current.clientWidth || 560, 900);
        const chars = Math.max(Math.floor((width - 80) / labels.length / 7), 3);
        const xs = labels.map((_, i) => i);
        const chart = new uPlot({
            width,
            height,
            scales: {
                x: { time: false, range: [-0.5, labels.length - 0.5] },
                y: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] },
            },
            axes: [
                { values: (u, ticks) => ticks.map((tick) => (Number.isInteger(tick) && labels[tick] !== undefined ? shorten(labels[tick], chars) : '')), space: 20, gap: 4 },
                { values: (u, ticks) => ticks.map((tick) => formatCompactNumber(tick)), size: 60 },
            ],
            series: [
                { label: categoryLabel, value: (u, v) => (v == null ? '' : labels[v] ?? '') },
                ...series.map((s) => ({
                    label: s.label,
                    stroke: s.color,
                    fill: s.bars ? s.color : undefined,
                    width: s.bars ? 0 : 2,
                    points: { show: !s.bars },
                    paths: s.bars ? uPlot.paths.bars({ size: [s.size || 0.6, 80] }) : undefined,
                    value: (u, v) => (v == null ? '' : (s.format || format)(v)),
                })),
            ],
        }, [xs, ...series.map((s) => s.values)], ref.current);
        return () => chart.destroy();
    }, [JSON.stringify(labels), JSON.stringify(series.map((s) => s.values)), title, lang()]);
    return <div ref={ref} class="chart" data-testid={testid} role="img" aria-label={title} />;
}
