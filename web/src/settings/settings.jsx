// The admin settings page: pipelines and stages, lost reasons, deal labels, custom fields, users, API tokens.
import { t } from '../i18n.js';
import { session } from '../session.js';
import { ApiTokenSettings } from './api_tokens.jsx';
import { CustomFieldSettings } from './custom_fields.jsx';
import { DealLabelSettings } from './deal_labels.jsx';
import { LostReasonSettings } from './lost_reasons.jsx';
import { PipelineSettings } from './pipelines.jsx';
import { UserSettings } from './users.jsx';

export function Settings() {
    if (!session.user || session.user.role !== 'admin') {
        return <p role="alert">{t('settings.admins_only')}</p>;
    }
    return (
        <div class="settings-page">
            <h1>{t('nav.settings')}</h1>
            <PipelineSettings />
            <LostReasonSettings />
            <DealLabelSettings />
            <CustomFieldSettings />
            <UserSettings />
            <ApiTokenSettings />
        </div>
    );
}
