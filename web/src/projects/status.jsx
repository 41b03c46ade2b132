// A project's derived status (on track, at risk, late) as a badge; the rule is in
// docs/projects.md and in the badge's title.
import { t } from '../i18n.js';

const labels = {
    on_track: 'project.status_on_track',
    at_risk: 'project.status_at_risk',
    late: 'project.status_late',
};

export function ProjectStatus({ status, testId }) {
    return (
        <span class={`badge project-status status-${status}`} data-status={status} data-testid={testId}
            title={t('project.rule')}>
            {t(labels[status] || labels.on_track)}
        </span>
    );
}
