// Settings: pipelines and their stages (add, rename, reorder, probability, rotting days).
import { useEffect, useState } from 'preact/hooks';
import { del, getAll, patch, post } from '../api.js';
import { t } from '../i18n.js';
import { notify, notifyError } from '../notices.jsx';

function StageRow({ stage, index, count, onChanged, onMove }) {
    const [name, setName] = useState(stage.name);
    const [probability, setProbability] = useState(String(stage.deal_probability));
    const [rot, setRot] = useState(stage.is_deal_rot_enabled);
    const [days, setDays] = useState(stage.days_to_rotten ? String(stage.days_to_rotten) : '');

    async function save(event) {
        event.preventDefault();
        const body = { name, deal_probability: Number(probability), is_deal_rot_enabled: rot };
        if (rot) {
            body.days_to_rotten = days ? Number(days) : null;
        }
        try {
            await patch(`/api/v2/stages/${stage.id}`, body);
            notify(t('settings.saved'));
            onChanged();
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
    }

    async function remove() {
        try {
            await del(`/api/v2/stages/${stage.id}`);
            onChanged();
        } catch (error) {
            notifyError(t('settings.delete_failed'), error);
        }
    }

    const id = `stage-${stage.id}`;
    return (
        <tr>
            <td>
                <button type="button" class="link" disabled={index === 0} onClick={() => onMove(stage, -1)}
                    aria-label={t('settings.move_up', { name: stage.name })}>↑</button>
                <button type="button" class="link" disabled={index === count - 1} onClick={() => onMove(stage, 1)}
                    aria-label={t('settings.move_down', { name: stage.name })}>↓</button>
            </td>
            <td>
                <label for={`${id}-name`} class="visually-hidden">{t('settings.stage_name')}</label>
                <input id={`${id}-name`} form={`${id}-form`} value={name} required onInput={(e) => setName(e.currentTarget.value)} />
            </td>
            <td>
                <label for={`${id}-probability`} class="visually-hidden">{t('settings.probability')}</label>
                <input id={`${id}-probability`} form={`${id}-form`} type="number" min="0" max="100" value={probability}
                    onInput={(e) => setProbability(e.currentTarget.value)} />
            </td>
            <td>
                <label class="checkbox">
                    <input type="checkbox" form={`${id}-form`} checked={rot} onChange={(e) => setRot(e.currentTarget.checked)} />
                    <span class="visually-hidden">{t('settings.rotting')}</span>
                </label>
                <label for={`${id}-days`} class="visually-hidden">{t('settings.rotting_days')}</label>
                <input id={`${id}-days`} form={`${id}-form`} type="number" min="1" disabled={!rot} value={days}
                    onInput={(e) => setDays(e.currentTarget.value)} />
            </td>
            <td>
                <form id={`${id}-form`} onSubmit={save}><button type="submit">{t('action.save')}</button></form>
                <button type="button" class="link" onClick={remove}>{t('action.delete')}</button>
            </td>
        </tr>
    );
}

export function PipelineSettings() {
    const [pipelines, setPipelines] = useState([]);
    const [pipelineId, setPipelineId] = useState(null);
    const [stages, setStages] = useState([]);
    const [newPipeline, setNewPipeline] = useState('');
    const [newStage, setNewStage] = useState('');
    const [pipelineName, setPipelineName] = useState('');

    async function loadPipelines() {
        try {
            const list = await getAll('/api/v2/pipelines');
            setPipelines(list);
            if (!list.some((p) => p.id === pipelineId) && list.length) {
                setPipelineId(list[0].id);
            }
        } catch (error) {
            notifyError(t('settings.load_failed'), error);
        }
    }

    async function loadStages() {
        if (!pipelineId) {
            return;
        }
        const list = await getAll('/api/v2/stages', { pipeline_id: pipelineId });
        list.sort((a, b) => a.order_nr - b.order_nr);
        setStages(list);
        const pipeline = pipelines.find((p) => p.id === pipelineId);
        setPipelineName(pipeline ? pipeline.name : '');
    }

    useEffect(() => {
        loadPipelines();
    }, []);
    useEffect(() => {
        loadStages().catch((error) => notifyError(t('settings.load_failed'), error));
    }, [pipelineId, pipelines]);

    async function run(action, okMessage) {
        try {
            await action();
            if (okMessage) {
                notify(okMessage);
            }
        } catch (error) {
            notifyError(t('settings.save_failed'), error);
        }
    }

    // Reorders by sending every stage of the pipeline its new position.
    async function move(stage, step) {
        const order = stages.map((s) => s.id);
        const from = order.indexOf(stage.id);
        order.splice(from, 1);
        order.splice(from + step, 0, stage.id);
        await run(async () => {
            await patch(`/api/v2/pipelines/${pipelineId}/stageOrder`, { stage_ids: order });
            await loadStages();
        });
    }

    return (
        <section class="card" aria-labelledby="settings-pipelines">
            <h2 id="settings-pipelines">{t('settings.pipelines')}</h2>
            <div class="toolbar">
                <label>
                    <span>{t('board.pipeline')}</span>
                    <select value={pipelineId || ''} onChange={(e) => setPipelineId(Number(e.currentTarget.value))}>
                        {pipelines.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                    </select>
                </label>
                <form class="inline-form" onSubmit={(e) => {
                    e.preventDefault();
                    run(async () => { await patch(`/api/v2/pipelines/${pipelineId}`, { name: pipelineName }); await loadPipelines(); }, t('settings.saved'));
                }}>
                    <label>
                        <span>{t('settings.pipeline_name')}</span>
                        <input required value={pipelineName} onInput={(e) => setPipelineName(e.currentTarget.value)} />
                    </label>
                    <button type="submit">{t('settings.rename')}</button>
                </form>
                <form class="inline-form" onSubmit={(e) => {
                    e.preventDefault();
                    run(async () => {
                        const answer = await post('/api/v2/pipelines', { name: newPipeline });
                        setNewPipeline('');
                        await loadPipelines();
                        setPipelineId(answer.data.id);
                    }, t('settings.saved'));
                }}>
                    <label>
                        <span>{t('settings.new_pipeline')}</span>
                        <input required value={newPipeline} onInput={(e) => setNewPipeline(e.currentTarget.value)} />
                    </label>
                    <button type="submit">{t('action.add')}</button>
                </form>
            </div>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t('settings.order')}</th>
                        <th scope="col">{t('settings.stage_name')}</th>
                        <th scope="col">{t('settings.probability')}</th>
                        <th scope="col">{t('settings.rotting_days')}</th>
                        <th scope="col"><span class="visually-hidden">{t('common.actions')}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {stages.map((stage, index) => (
                        <StageRow key={`${stage.id}-${stage.update_time}`} stage={stage} index={index} count={stages.length}
                            onChanged={loadStages} onMove={move} />
                    ))}
                </tbody>
            </table>
            <form class="inline-form" onSubmit={(e) => {
                e.preventDefault();
                run(async () => {
                    await post('/api/v2/stages', { name: newStage, pipeline_id: pipelineId });
                    setNewStage('');
                    await loadStages();
                }, t('settings.saved'));
            }}>
                <label>
                    <span>{t('settings.new_stage')}</span>
                    <input required value={newStage} onInput={(e) => setNewStage(e.currentTarget.value)} />
                </label>
                <button type="submit">{t('action.add')}</button>
            </form>
        </section>
    );
}
