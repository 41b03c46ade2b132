// The import's options: what a row matching an existing record does, the pipeline whose stage
// names a deals file uses, and a dry run that checks and counts without changing anything.
import { t } from '../i18n.js';
import { duplicateChoices } from './import_logic.js';

export function ImportOptions({ kind, options, pipelines, onChange }) {
    const set = (name, value) => onChange({ ...options, [name]: value });
    return (
        <fieldset class="import-options">
            <legend>{t('import.options')}</legend>
            <label>
                <span>{t('import.on_duplicate')}</span>
                <select value={options.onDuplicate} data-testid="import-on-duplicate"
                    onChange={(e) => set('onDuplicate', e.currentTarget.value)}>
                    {duplicateChoices.map((choice) => (
                        <option key={choice} value={choice}>{t(`import.on_duplicate_${choice}`)}</option>
                    ))}
                </select>
            </label>
            {kind === 'deals' && (
                <label>
                    <span>{t('import.pipeline')}</span>
                    <select value={options.pipelineId} data-testid="import-pipeline"
                        onChange={(e) => set('pipelineId', e.currentTarget.value)}>
                        <option value="">{t('import.pipeline_default')}</option>
                        {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                    </select>
                </label>
            )}
            <label class="checkbox">
                <input type="checkbox" checked={options.dryRun} data-testid="import-dry-run"
                    onChange={(e) => set('dryRun', e.currentTarget.checked)} />
                <span>{t('import.dry_run')}</span>
            </label>
        </fieldset>
    );
}
