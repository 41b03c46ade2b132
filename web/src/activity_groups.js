// Undone activities split into overdue, today and upcoming against today's date in the
// user's time zone (activities.jsx).
export function groupByDay(activities, today) {
    const groups = { overdue: [], today: [], upcoming: [] };
    for (const activity of activities) {
        if (!activity.due_date || activity.due_date > today) {
            groups.upcoming.push(activity);
        } else if (activity.due_date < today) {
            groups.overdue.push(activity);
        } else {
            groups.today.push(activity);
        }
    }
    const order = (a, b) => (a.due_date || '9999').localeCompare(b.due_date || '9999') || (a.due_time || '').localeCompare(b.due_time || '');
    Object.values(groups).forEach((list) => list.sort(order));
    return groups;
}
