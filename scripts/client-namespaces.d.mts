export function isClientModule(file: string): boolean;
export function resolveImport(from: string, spec: string, root?: string): string | null;
export function namespacesOf(file: string, name: string, seen?: Set<string>): string[];
export function minimal(namespaces: string[]): string[];
