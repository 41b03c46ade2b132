// A standard import field's label in the current language, or its name when the catalogues do
// not know it (a field the server added later).
import { catalogues, lang, t } from '../i18n.js';

export function fieldLabel(field) {
    const key = `import_field.${field}`;
    return key in catalogues[lang()] || key in catalogues.en ? `${t(key)} (${field})` : field;
}
