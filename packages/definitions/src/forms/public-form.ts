/** The name of the honeypot input public forms carry: people leave it empty, bots fill it. */
export const HONEYPOT_FIELD = '_hp';
