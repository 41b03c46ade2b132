// The signed-in user and their users/me record, for pages that need them (owner filters,
// admin checks). Set by the app shell at sign-in, cleared at sign-out.
export const session = { user: null, me: null };
