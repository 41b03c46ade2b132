// History routing: the server answers index.html for every page path, so URLs like
// /deals/12 are real links that survive a reload.
const listeners = new Set();

export function currentPath() {
    return window.location.pathname + window.location.search;
}

export function navigate(path, { replace = false } = {}) {
    if (path === currentPath()) {
        return;
    }
    if (replace) {
        history.replaceState(null, '', path);
    } else {
        history.pushState(null, '', path);
    }
    listeners.forEach((listener) => listener(currentPath()));
}

export function onNavigate(listener) {
    listeners.add(listener);
    const pop = () => listener(currentPath());
    window.addEventListener('popstate', pop);
    return () => {
        listeners.delete(listener);
        window.removeEventListener('popstate', pop);
    };
}

// Matches "/deals/:id" against a path; the params, or null.
export function match(pattern, path) {
    const [pathname] = path.split('?');
    const want = pattern.split('/');
    const got = pathname.split('/');
    if (want.length !== got.length) {
        return null;
    }
    const params = {};
    for (let i = 0; i < want.length; i++) {
        if (want[i].startsWith(':')) {
            params[want[i].slice(1)] = decodeURIComponent(got[i]);
        } else if (want[i] !== got[i]) {
            return null;
        }
    }
    return params;
}

// A link that navigates without reloading the page.
export function linkClick(event, path) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
        return;
    }
    event.preventDefault();
    navigate(path);
}
