// Persons and organizations share their pages; these are the differences.
export const kinds = {
    person: {
        base: '/api/v2/persons',
        path: '/persons',
        link: 'person_id',
        mergePath: '/api/v1/persons',
        title: 'nav.persons',
        search: (term) => ['/api/v2/persons/search', { term, limit: 100 }],
    },
    organization: {
        base: '/api/v2/organizations',
        path: '/organizations',
        link: 'org_id',
        mergePath: '/api/v1/organizations',
        title: 'nav.organizations',
        search: (term) => ['/api/v2/itemSearch', { term, item_types: 'organization', limit: 100 }],
    },
};

// The primary email or phone: v2 records carry {value, primary}, search items plain strings.
export function primaryOf(points) {
    const list = points || [];
    const primary = list.find((p) => p && p.primary) || list[0];
    if (!primary) {
        return '';
    }
    return typeof primary === 'string' ? primary : primary.value;
}
