// A compact table of report figures: the charts' numbers in words, and the dashboard's
// leaderboard, stalled deals and goals. columns: [{key, label, format(value, row)}].
export function FiguresTable({ columns, rows, caption, testid }) {
    return (
        <div class="table-scroll">
            <table class="figures-table" data-testid={testid}>
                {caption && <caption class="visually-hidden">{caption}</caption>}
                <thead>
                    <tr>{columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}</tr>
                </thead>
                <tbody>
                    {rows.map((row, i) => (
                        <tr key={i}>
                            {columns.map((c) => (
                                <td key={c.key} data-column={c.key} class={c.numeric ? 'number' : undefined}>
                                    {row[c.key] == null ? '–' : c.format ? c.format(row[c.key], row) : row[c.key]}
                                </td>
                            ))}
                        </tr>
                    ))}
                </tbody>
            </table>
        </div>
    );
}
