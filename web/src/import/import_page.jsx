// The import page (/import): choose what the file holds and upload it, check the mapping that
// the server detected on a preview of the first rows (and change it column by column), choose
// the options and start the import as a job, whose page (/import/{id}) shows its progress. Below,
// the user's recent imports and the exports.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, getAll, postFile } from '../api.js';
import { formatNumber, t } from '../i18n.js';
import { notifyError } from '../notices.jsx';
import { navigate } from '../router.js';
import { ExportLinks } from './export_links.jsx';
import { fileTooLarge, importKinds, importQuery, mapOverrides, maxFileBytes, targetOf } from './import_logic.js';
import { MappingTable } from './mapping_table.jsx';
import { RecentImports } from './recent_imports.jsx';
import { ImportOptions } from './import_options.jsx';
import './import.css';

const csvType = 'text/csv';

// The server's refusal as one line, naming the field or line it is about.
function refusal(error) {
    if (error instanceof ApiError && error.status === 413) {
        return t('import.too_large', { mb: maxFileBytes / (1024 * 1024) });
    }
    if (error instanceof ApiError && error.field) {
        return `${error.field}: ${error.message}`;
    }
    return error && error.message ? error.message : t('error.unknown');
}

export function ImportPage() {
    const [kind, setKind] = useState('persons');
    const [file, setFile] = useState(null);
    // The server's first answer: its detected mapping is what `map` overrides are relative to.
    const [preview, setPreview] = useState(null);
    const [chosen, setChosen] = useState([]);
    // Each shown row's problems under the chosen mapping (the preview asked again on a change).
    const [problems, setProblems] = useState([]);
    const asked = useRef(0);
    const [options, setOptions] = useState({ onDuplicate: 'skip', dryRun: false, pipelineId: '' });
    const [pipelines, setPipelines] = useState([]);
    const [problem, setProblem] = useState('');
    const [busy, setBusy] = useState(false);

    useEffect(() => {
        getAll('/api/v2/pipelines').then(setPipelines).catch((error) => notifyError(t('import.load_failed'), error));
    }, []);

    const overrides = preview ? mapOverrides(preview.columns, chosen) : [];

    async function loadPreview(event) {
        event.preventDefault();
        setProblem('');
        if (!file) {
            setProblem(t('import.choose_file'));
            return;
        }
        if (fileTooLarge(file)) {
            setProblem(t('import.too_large', { mb: maxFileBytes / (1024 * 1024) }));
            return;
        }
        setBusy(true);
        asked.current++; // an answer for the previous file's mapping is stale now
        try {
            const answer = await postFile(`/api/v1/imports/preview${importQuery({ kind })}`, file, csvType);
            setPreview(answer.data);
            setChosen(answer.data.columns.map(targetOf));
            setProblems(answer.data.problems || []);
        } catch (error) {
            setProblem(refusal(error));
        } finally {
            setBusy(false);
        }
    }

    async function start() {
        setProblem('');
        setBusy(true);
        try {
            const path = `/api/v1/imports${importQuery({ kind, map: overrides, fileName: file.name, ...options })}`;
            const answer = await postFile(path, file, csvType);
            navigate(`/import/${answer.data.id}`);
        } catch (error) {
            setProblem(refusal(error));
            setBusy(false);
        }
    }

    async function chooseMapping(next) {
        setChosen(next);
        setProblem('');
        const ask = ++asked.current;
        try {
            const map = mapOverrides(preview.columns, next);
            const answer = await postFile(`/api/v1/imports/preview${importQuery({ kind, map })}`, file, csvType);
            if (ask === asked.current) {
                setProblems(answer.data.problems || []);
            }
        } catch (error) {
            if (ask === asked.current) {
                setProblem(refusal(error));
            }
        }
    }

    function chooseKind(next) {
        setKind(next);
        setPreview(null);
    }

    function chooseFile(next) {
        setFile(next);
        setPreview(null);
        setProblem(next && fileTooLarge(next) ? t('import.too_large', { mb: maxFileBytes / (1024 * 1024) }) : '');
    }

    return (
        <div class="list-page import-page">
            <h1>{t('import.title')}</h1>
            <form class="card inline-form" onSubmit={loadPreview} data-testid="import-upload">
                <label>
                    <span>{t('import.kind')}</span>
                    <select value={kind} data-testid="import-kind" onChange={(e) => chooseKind(e.currentTarget.value)}>
                        {importKinds.map((k) => <option key={k} value={k}>{t(`import.kind_${k}`)}</option>)}
                    </select>
                </label>
                <label>
                    <span>{t('import.file')}</span>
                    <input type="file" accept=".csv,text/csv" data-testid="import-file"
                        onChange={(e) => chooseFile(e.currentTarget.files[0] || null)} />
                </label>
                <button type="submit" class="primary" disabled={busy}>{t('import.preview')}</button>
                <p class="hint">{t('import.file_hint', { mb: maxFileBytes / (1024 * 1024) })}</p>
            </form>
            {problem && <p class="form-error" role="alert" data-testid="import-problem">{problem}</p>}
            {preview && (
                <section class="card import-mapping" aria-labelledby="import-mapping-title">
                    <h2 id="import-mapping-title">{t('import.mapping_title')}</h2>
                    <p class="hint" data-testid="import-rows-total">
                        {t('import.rows_in_file', { n: formatNumber(preview.rows_total), shown: preview.rows.length })}
                    </p>
                    <p class="hint">{t('import.checks_hint')}</p>
                    <MappingTable preview={preview} chosen={chosen} problems={problems} onChoose={chooseMapping} />
                    <ImportOptions kind={kind} options={options} pipelines={pipelines} onChange={setOptions} />
                    <div class="toolbar">
                        <button type="button" class="primary" disabled={busy} onClick={start} data-testid="import-start">
                            {options.dryRun ? t('import.start_dry_run') : t('import.start')}
                        </button>
                        <button type="button" disabled={busy} onClick={() => setPreview(null)}>{t('action.cancel')}</button>
                    </div>
                </section>
            )}
            <RecentImports />
            <ExportLinks />
        </div>
    );
}
