/** The title of a plan whose text names none (the import names it after its file instead). */
export const UNTITLED_PLAN = 'Untitled plan'
