// Messages and locale formatting. The language (en or vi) and the user's time zone are set once
// at sign-in and when switched; every visible string goes through t().
import en from './messages/en.js';
import vi from './messages/vi.js';

export const catalogues = { en, vi };
export const languages = ['vi', 'en'];

const state = {
    lang: (typeof localStorage !== 'undefined' && localStorage.getItem('pipecrm.lang')) || 'vi',
    timeZone: 'Asia/Ho_Chi_Minh',
};
const listeners = new Set();

export function lang() {
    return state.lang;
}

export function setLang(next) {
    if (!catalogues[next] || next === state.lang) {
        return;
    }
    state.lang = next;
    // Absent outside a browser (the unit tests under web/test/).
    if (typeof localStorage !== 'undefined') {
        localStorage.setItem('pipecrm.lang', next);
        document.documentElement.lang = next;
    }
    listeners.forEach((listener) => listener(next));
}

export function onLangChange(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

export function timeZone() {
    return state.timeZone;
}

export function setTimeZone(zone) {
    state.timeZone = zone || 'Asia/Ho_Chi_Minh';
}

// t('board.count', {n: 3}): the message in the current language with {name}s filled in; the
// English one when missing (a test keeps the catalogues in step), the key as a last resort.
export function t(key, vars) {
    const text = catalogues[state.lang][key] ?? en[key] ?? key;
    if (!vars) {
        return text;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

function locale() {
    return state.lang === 'vi' ? 'vi-VN' : 'en-US';
}

// Money by currency: VND (and other zero-decimal currencies) without decimals.
export function formatMoney(amount, currency) {
    const code = currency || 'VND';
    try {
        return new Intl.NumberFormat(locale(), {
            style: 'currency',
            currency: code,
            maximumFractionDigits: code === 'VND' ? 0 : undefined,
            minimumFractionDigits: code === 'VND' ? 0 : undefined,
        }).format(Number(amount) || 0);
    } catch {
        return `${formatNumber(amount)} ${code}`;
    }
}

// Totals keyed by currency ({VND: 100, USD: 5}) as "100 ₫ · $5.00".
export function formatTotals(byCurrency) {
    const entries = Object.entries(byCurrency || {}).filter(([, value]) => value);
    if (entries.length === 0) {
        return formatMoney(0, 'VND');
    }
    return entries.map(([code, value]) => formatMoney(value, code)).join(' · ');
}

export function formatNumber(value) {
    return new Intl.NumberFormat(locale()).format(Number(value) || 0);
}

// A fraction (0.25) as a percentage in the language's format ("25%", "25 %").
export function formatPercent(fraction) {
    return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(Number(fraction) || 0);
}

// A number in short form for chart axes ("1.5B", "1,5 T").
export function formatCompactNumber(value) {
    return new Intl.NumberFormat(locale(), { notation: 'compact', maximumFractionDigits: 1 }).format(Number(value) || 0);
}

// An instant from the API: RFC 3339, or v1's "YYYY-MM-DD HH:MM:SS" in UTC.
export function parseInstant(text) {
    if (!text) {
        return null;
    }
    const iso = text.includes('T') ? text : `${text.replace(' ', 'T')}Z`;
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(text) {
    const date = parseInstant(text);
    return date
        ? new Intl.DateTimeFormat(locale(), {
              dateStyle: 'medium',
              timeStyle: 'short',
              timeZone: state.timeZone,
          }).format(date)
        : '';
}

// A calendar date "YYYY-MM-DD" (no zone: it is the same day everywhere).
export function formatDate(text) {
    if (!text) {
        return '';
    }
    const [y, m, d] = text.split('-').map(Number);
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(Date.UTC(y, m - 1, d)),
    );
}

// Today's date "YYYY-MM-DD" in the user's time zone.
export function todayInZone(now = new Date()) {
    const parts = new Intl.DateTimeFormat('en-CA', {
        timeZone: state.timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
    }).format(now);
    return parts;
}

// "3 days", "5 hours": a duration in the current language.
export function formatDuration(milliseconds) {
    const hours = Math.floor(milliseconds / 3_600_000);
    if (hours >= 48) {
        return t('duration.days', { n: formatNumber(Math.floor(hours / 24)) });
    }
    if (hours >= 1) {
        return t('duration.hours', { n: formatNumber(hours) });
    }
    return t('duration.minutes', { n: formatNumber(Math.max(0, Math.floor(milliseconds / 60000))) });
}
