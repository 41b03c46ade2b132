// A deal's labels from what the API answers: v2's label_ids, or v1's label ("3,7"), in the
// order of the workspace's list; ids of labels not in the list (removed since) are left out.
export function labelIdsOf(deal) {
    if (Array.isArray(deal.label_ids)) {
        return deal.label_ids.map(Number);
    }
    if (typeof deal.label === 'string' && deal.label !== '') {
        return deal.label.split(',').map(Number).filter((id) => Number.isInteger(id) && id > 0);
    }
    return [];
}

export function labelsOf(deal, labels) {
    const ids = new Set(labelIdsOf(deal));
    return (labels || []).filter((label) => ids.has(label.id));
}
