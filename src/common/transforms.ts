/** class-transformer `@Transform` that trims strings and leaves other values to the validators. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** As `trimmed`, for each string of an array (measures, lines). */
export const trimmedEach = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((entry) => (typeof entry === 'string' ? entry.trim() : entry)) : value);
