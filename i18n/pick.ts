type Tree = { [k: string]: unknown };

/**
 * The parts of a message tree under the given namespaces ("auth", "passports.profile"), nested
 * as in the tree. The subtrees are the tree's own objects, not copies: a page's payload then holds
 * each one once however many forms share it (docs/decisions/0039-page-speed.md). The tree itself
 * is never changed.
 */
export function pickMessages(messages: Tree, namespaces: readonly string[]): Tree {
  const out: Tree = {};
  const ours = new Set<Tree>([out]);
  for (const ns of [...namespaces].sort((a, b) => a.split(".").length - b.split(".").length)) {
    const parts = ns.split(".");
    let from: unknown = messages;
    for (const p of parts) from = from && typeof from === "object" ? (from as Tree)[p] : undefined;
    if (from === undefined) continue;
    let to = out;
    let covered = false;
    for (const p of parts.slice(0, -1)) {
      const next = to[p] as Tree | undefined;
      if (next && !ours.has(next)) {
        covered = true; // a shorter namespace of the list already holds this one
        break;
      }
      if (!next) ours.add((to[p] = {}));
      to = to[p] as Tree;
    }
    if (!covered) to[parts[parts.length - 1]] = from;
  }
  return out;
}

/**
 * What the root layout sends every page: the texts of the error page, the language switch and
 * the confirm buttons. Everything else comes with the form that uses it.
 */
export const ROOT_CLIENT_NAMESPACES = ["common"] as const;
