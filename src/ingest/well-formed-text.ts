import { IngestKind } from './ingest-kind';
import { ItemError, UserErrorCode } from './user-error';

// In Unicode mode a surrogate pair is one code point, so this matches only a lone half.
const LONE_SURROGATE = /\p{Surrogate}/u;

/** The first lone surrogate in a value (text, or the keys and text of a JSON value), if any. */
function loneSurrogateIn(value: unknown): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.exec(value)?.[0];
  if (typeof value !== 'object' || value === null) return undefined;
  // Nesting is bounded by MAX_JSON_DEPTH, so the recursion is too.
  for (const [key, inner] of Object.entries(value)) {
    const found = loneSurrogateIn(key) ?? loneSurrogateIn(inner);
    if (found) return found;
  }
  return undefined;
}

const codePoint = (text: string) => `U+${text.charCodeAt(0).toString(16).toUpperCase()}`;

/**
 * JSON may carry a lone UTF-16 surrogate ("\ud800"), which is no Unicode text: PostgreSQL cannot
 * store it. Each such field is refused here, naming the item and the field, before staging.
 */
export function loneSurrogateErrors(kind: IngestKind, items: readonly object[]): ItemError[] {
  const errors: ItemError[] = [];
  items.forEach((item, row) => {
    for (const field of kind.fields) {
      const found = loneSurrogateIn((item as Record<string, unknown>)[field]);
      if (found) {
        errors.push({
          row, field, code: UserErrorCode.INVALID_VALUE,
          message: `${field} holds a lone UTF-16 surrogate (${codePoint(found)}), which is not Unicode text: send well-formed text`,
        });
      }
    }
  });
  return errors;
}
