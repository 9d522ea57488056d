/** Badge colours of a request's status. */
export const STATUS_TONE = { SUBMITTED: "blue", IN_REVIEW: "amber", APPROVED: "green", REJECTED: "red", WITHDRAWN: "zinc" } as const;
