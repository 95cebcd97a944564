/**
 * Characters that change how text reads without being seen: bidirectional overrides and isolates
 * (`evil\u202Egnp.exe` shows as "evil" + "exe.png" reversed), zero-width characters, and C0/C1
 * control characters (terminal escape sequences start with ESC or CSI). Catalog text may hold
 * them; every output shows them escaped, as `\u202E`, so that text always reads as it is stored.
 * Pure and dependency-free: the CLI, the overview renderers and the web UI share it.
 */

/**
 * Every invisible or control character: C0 controls (tab and line feed included: callers that
 * allow them say so), DEL and C1 controls, the Arabic letter mark, zero-width space, joiners and
 * direction marks (U+200B–U+200F), bidirectional embeddings and overrides (U+202A–U+202E), word
 * joiner and invisible operators (U+2060–U+2064), bidirectional isolates (U+2066–U+2069), the
 * deprecated format characters (U+206A–U+206F), the byte-order mark / zero-width no-break space
 * (U+FEFF), interlinear annotation marks (U+FFF9–U+FFFB) and the invisible tag characters
 * (U+E0000–U+E007F).
 */
const BMP_INVISIBLE =
  '\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB';
/** Tag characters as UTF-16 (no `u` flag: these run on every string of a catalog, and are faster so). */
const TAGS = '\\uDB40[\\uDC00-\\uDC7F]';
const ALL_CONTROLS = '\\u0000-\\u001F\\u007F-\\u009F';
/** The same, less tab (U+0009) and line feed (U+000A). */
const CONTROLS_IN_TEXT = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';

const ANY_INVISIBLE = new RegExp(`[${ALL_CONTROLS}${BMP_INVISIBLE}]|${TAGS}`);
/** The pattern of one invisible or control character (tab and line feed included), to build on. */
export const INVISIBLE_CHARACTER_SOURCE = ANY_INVISIBLE.source;
const ANY_INVISIBLE_GLOBAL = new RegExp(ANY_INVISIBLE.source, 'g');
/** For text where line breaks and tabs are allowed. */
const INVISIBLE_IN_TEXT = new RegExp(`[${CONTROLS_IN_TEXT}${BMP_INVISIBLE}]|${TAGS}`);
const INVISIBLE_IN_TEXT_GLOBAL = new RegExp(INVISIBLE_IN_TEXT.source, 'g');

/**
 * Whether YAML source text may hold an invisible or control character once parsed (tab and line
 * feed aside): one raw, or an escape that makes one in a double-quoted scalar (`\u202E`, `\x1B`,
 * `\e`, `\N`...). False is certain; true only means "look at the values".
 */
export function yamlSourceMayHoldInvisible(source: string): boolean {
  return YAML_SOURCE_FIRST_LOOK.test(source) && YAML_SOURCE_SUSPECT.test(source);
}
// Raw CR is left out: YAML reads it as a line break, so it never reaches a value.
const YAML_SOURCE_SUSPECT = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${BMP_INVISIBLE}]|${TAGS}|\\\\[0abevfrNxuU]`,
);
/** One character class (any backslash, any lead surrogate of a tag): twice as fast to scan. */
const YAML_SOURCE_FIRST_LOOK = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${BMP_INVISIBLE}\\uDB40\\\\]`,
);

/**
 * The same set for a JSON Schema `pattern` (names): BMP characters only, since not every JSON
 * Schema validator reads `\u{...}`; `switchboard validate` also rejects the tag characters.
 */
export const NO_INVISIBLE_PATTERN =
  '^[^\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB]*$';

/** `\u202E` for U+202E, `\u{E0041}` beyond the BMP: how an invisible character is shown. */
export function escapeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/** `\u202E`, and `\uDB40\uDC41` (UTF-16, as JSON writes it) beyond the BMP. */
export function escapeCharacterForJson(ch: string): string {
  return ch
    .split('')
    .map((unit) => `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    .join('');
}

export interface VisibleTextOptions {
  /** Keep tab and line feed as they are (multi-line text); otherwise they are escaped too. */
  keepLineBreaks?: boolean;
  /** How a character is written; `escapeCharacter` unless told. */
  escape?: (ch: string) => string;
}

/** The text with every invisible or control character written out as `\uXXXX`. */
export function visibleText(value: string, options: VisibleTextOptions = {}): string {
  const escape = options.escape ?? escapeCharacter;
  if (options.keepLineBreaks === true) {
    return INVISIBLE_IN_TEXT.test(value) ? value.replace(INVISIBLE_IN_TEXT_GLOBAL, escape) : value;
  }
  return ANY_INVISIBLE.test(value) ? value.replace(ANY_INVISIBLE_GLOBAL, escape) : value;
}

/** The first invisible or control character in `value` (tab and line feed allowed when asked). */
export function findInvisible(
  value: string,
  options: VisibleTextOptions = {},
): { index: number; character: string } | undefined {
  const match = (options.keepLineBreaks === true ? INVISIBLE_IN_TEXT : ANY_INVISIBLE).exec(value);
  return match ? { index: match.index, character: match[0] } : undefined;
}

const NAMES: Record<number, string> = {
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0x9b: 'CONTROL SEQUENCE INTRODUCER',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** "U+202E RIGHT-TO-LEFT OVERRIDE", "U+0007 (a control character)". */
export function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const id = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code];
  if (name !== undefined) return `${id} ${name}`;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `${id} (a control character)`;
  if (code >= 0xe0000) return `${id} (an invisible tag character)`;
  return `${id} (an invisible formatting character)`;
}
