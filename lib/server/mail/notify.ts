/** Tells the in-process sender (if one runs in this process) that committed e-mail is waiting. */
let listener: (() => void) | null = null;

export function onMailQueued(fn: () => void): void {
  listener = fn;
}

export function mailQueued(): void {
  listener?.();
}
