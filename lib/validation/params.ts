/** A URL parameter's first value: `?a=1&a=2` arrives as an array; every schema reads the first. */
export const firstValue = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : v);
