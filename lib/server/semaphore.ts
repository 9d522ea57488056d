/**
 * A counting semaphore: at most `size` jobs run at once, the rest wait in line. Two lines: an
 * urgent waiter is admitted before every normal one (sign-in checks overtake new-password hashes,
 * lib/server/password.ts); within a line, first come first served.
 */
export class Semaphore {
  private running = 0;
  private readonly urgent: Array<() => void> = [];
  private readonly normal: Array<() => void> = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Semaphore size must be a positive whole number, got ${size}`);
  }

  /** Jobs holding a slot now. */
  get active(): number {
    return this.running;
  }

  /** Jobs waiting for a slot. */
  get waiting(): number {
    return this.urgent.length + this.normal.length;
  }

  async run<T>(job: () => Promise<T>, options: { urgent?: boolean } = {}): Promise<T> {
    await this.acquire(options.urgent ?? false);
    try {
      return await job();
    } finally {
      this.release();
    }
  }

  private acquire(urgent: boolean): Promise<void> {
    if (this.running < this.size) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => (urgent ? this.urgent : this.normal).push(resolve));
  }

  private release(): void {
    // The slot passes straight to the next waiter, so `running` stays the same.
    const next = this.urgent.shift() ?? this.normal.shift();
    if (next) next();
    else this.running--;
  }
}
