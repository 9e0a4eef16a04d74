// Prometheus keeps one series per label value, and clients choose operation names: the label keeps
// the first names it sees and folds any further ones, and overlong ones, into "other".
const MAX_NAMES = 100;
const MAX_NAME_LENGTH = 64;

/** The `operation_name` label: the operation's name, "anonymous" without one, "other" past the bound. */
export class OperationNames {
  private readonly seen = new Set<string>();

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.seen.has(name)) return name;
    if (name.length > MAX_NAME_LENGTH || this.seen.size >= MAX_NAMES) return 'other';
    this.seen.add(name);
    return name;
  }
}
