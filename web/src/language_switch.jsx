// The vi/en switch, shown in the header and on the sign-in page.
import { lang, languages, setLang, t } from './i18n.js';

export function LanguageSwitch() {
    return (
        <label class="language-switch">
            <span>{t('header.language')}</span>
            <select value={lang()} onChange={(e) => setLang(e.currentTarget.value)} data-testid="language">
                {languages.map((code) => (
                    <option key={code} value={code}>{t(`language.${code}`)}</option>
                ))}
            </select>
        </label>
    );
}
