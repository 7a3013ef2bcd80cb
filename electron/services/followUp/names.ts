/** The follow-up's two files in a meeting's folder (no code with them: the build names its files cheaply). */
export const FOLLOW_UP_ICS = 'follow-up.ics';
export const FOLLOW_UP_EML = 'follow-up.eml';
