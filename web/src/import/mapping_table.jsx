// The mapping screen's table: each column of the file with what it fills (detected by the
// server from English or Vietnamese headers, changeable to any field, custom field or nothing)
// above the first rows of the file, each with what would get it rejected under that mapping.
import { t } from '../i18n.js';
import { fieldLabel } from './field_label.js';

export function MappingTable({ preview, chosen, problems, onChoose }) {
    function choose(index, value) {
        const next = [...chosen];
        next[index] = value;
        onChoose(next);
    }
    return (
        <div class="import-table-scroll">
            <table class="table import-preview" data-testid="import-preview">
                <thead>
                    <tr>
                        {preview.columns.map((column, index) => (
                            <th key={index} scope="col">
                                <span class="import-header">{column.header}</span>
                                <label>
                                    <span class="visually-hidden">{t('import.column_field', { column: column.header })}</span>
                                    <select value={chosen[index]} data-testid={`import-map-${index}`}
                                        class={chosen[index] ? '' : 'ignored'}
                                        onChange={(e) => choose(index, e.currentTarget.value)}>
                                        <option value="">{t('import.ignore_column')}</option>
                                        <optgroup label={t('import.standard_fields')}>
                                            {preview.fields.map((field) => (
                                                <option key={field} value={`field:${field}`}>{fieldLabel(field)}</option>
                                            ))}
                                        </optgroup>
                                        {preview.custom_fields.length > 0 && (
                                            <optgroup label={t('import.custom_fields')}>
                                                {preview.custom_fields.map((field) => (
                                                    <option key={field.key} value={`custom:${field.key}`}>{field.name}</option>
                                                ))}
                                            </optgroup>
                                        )}
                                    </select>
                                </label>
                            </th>
                        ))}
                        <th scope="col" class="import-check">{t('import.row_check')}</th>
                    </tr>
                </thead>
                <tbody>
                    {preview.rows.map((row, r) => {
                        const problem = problems[r];
                        return (
                            <tr key={r} class={problem ? 'invalid' : ''} data-testid={`import-row-${r}`}>
                                {preview.columns.map((column, c) => (
                                    <td key={c} class={chosen[c] ? '' : 'ignored'}>{row[c] ?? ''}</td>
                                ))}
                                <td class="import-check" data-testid={`import-row-check-${r}`}>
                                    {problem ? t('import.row_rejected', { reason: problem.reason }) : t('import.row_ok')}
                                </td>
                            </tr>
                        );
                    })}
                </tbody>
            </table>
        </div>
    );
}
