/** How long a sign-in lasts: the server session row and next-auth's cookie/JWT share this one value. */
export const SESSION_MAX_AGE_S = 30 * 24 * 3600;
export const SESSION_MAX_AGE_MS = SESSION_MAX_AGE_S * 1000;
