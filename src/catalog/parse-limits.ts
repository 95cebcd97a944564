/**
 * The bounds that keep hostile files from crashing or hanging the loader. Real catalog documents
 * are a few kilobytes, nest about five levels and use a handful of aliases, if any.
 */

/** Deeper nesting is refused before any recursive parser sees it. */
export const MAX_DEPTH = 64;
/** Alias nodes in one document (counted in its text). */
export const MAX_ALIASES = 1000;
/** Nodes that aliases may expand to in one document (the `yaml` package's maxAliasCount). */
export const MAX_ALIAS_EXPANSION = 100;
/** The position-tracking parser is given at most this much text of one document. */
export const MAX_LOCATED_BYTES = 1024 * 1024;
/** Findings shown per document; past it, one finding says how many more there are. */
export const MAX_FINDINGS_PER_DOCUMENT = 100;
