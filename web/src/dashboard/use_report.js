// The one place the dashboard fetches reports: GET /api/v1/reports/NAME with the filter row's
// options, answered as {table, error, loading}; a newer request wins over a slower older one.
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { reportParams } from './report_data.js';

export function fetchReport(name, filters) {
    return get(`/api/v1/reports/${name}`, reportParams(filters)).then((answer) => answer.data);
}

export function useReport(name, filters) {
    const [state, setState] = useState({ table: null, error: null, loading: true });
    const key = JSON.stringify(reportParams(filters));
    useEffect(() => {
        let current = true;
        setState((old) => ({ table: old.table, error: null, loading: true }));
        fetchReport(name, filters).then(
            (table) => current && setState({ table, error: null, loading: false }),
            (error) => current && setState({ table: null, error, loading: false }),
        );
        return () => {
            current = false;
        };
    }, [name, key]);
    return state;
}
