// Downloads of everything as CSV (GET /api/v1/exports/{kind}), in the columns the import reads.
import { t } from '../i18n.js';
import { exportKinds } from './import_logic.js';

// One kind's download link, also shown beside the lists.
export function ExportLink({ kind }) {
    return (
        <a class="button" href={`/api/v1/exports/${kind}`} download={`${kind}.csv`} data-testid={`export-${kind}`}>
            {t('import.export_kind', { kind: t(`import.kind_${kind}`).toLocaleLowerCase() })}
        </a>
    );
}

export function ExportLinks() {
    return (
        <section class="card" aria-labelledby="exports-title">
            <h2 id="exports-title">{t('import.exports')}</h2>
            <p class="hint">{t('import.exports_hint')}</p>
            <div class="toolbar">
                {exportKinds.map((kind) => <ExportLink key={kind} kind={kind} />)}
            </div>
        </section>
    );
}
