/** Share of the training's wall time the live boundary may take. */
export const BOUNDARY_BUDGET = 0.03;

/**
 * When to recompute the live boundary: at an epoch's end, when the time spent on boundaries so far
 * plus the next one (estimated as the last one's cost) stays within BOUNDARY_BUDGET of the wall
 * time since training began. Slow epochs get one per epoch; fast ones one every few epochs, so the
 * cost stays a few percent whatever the model. The first epoch always gets one (the starting
 * picture) and so does the last (the final picture), which bounds the total at
 * 2 + budget x time / cost.
 */
export class BoundaryBudget {
  private spent = 0;
  private lastCost = 0;
  private count = 0;
  private readonly started: number;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly budget = BOUNDARY_BUDGET,
  ) {
    this.started = now();
  }

  due(last: boolean): boolean {
    if (this.count === 0 || last) return true;
    return this.spent + this.lastCost <= this.budget * (this.now() - this.started);
  }

  /** Computes (and sends, and saves) one boundary through `fn`, charging its time to the budget. */
  async measure<T>(fn: () => Promise<T>): Promise<T> {
    const t0 = this.now();
    try {
      return await fn();
    } finally {
      this.lastCost = this.now() - t0;
      this.spent += this.lastCost;
      this.count++;
    }
  }

  /** Wall time since training began. */
  get elapsedMs(): number {
    return this.now() - this.started;
  }

  get boundaries(): number {
    return this.count;
  }

  get spentMs(): number {
    return this.spent;
  }
}
