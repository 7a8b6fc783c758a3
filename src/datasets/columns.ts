/**
 * A Float64Array that grows by doubling: the columnar buffer rows are appended to in the hot path.
 * One class per element type on purpose: a generic class would make every push site polymorphic.
 */
export class Float64Column {
  readonly bytesPerRow = 8;
  private data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  /** The filled part, without copying. */
  /**
   * Writes from now on into `view` (rows of a buffer shared with the other half of a parallel read, so the halves
   * meet without a copy: read-dataset.ts). Past its end the column grows privately, as any other.
   */
  writeInto(view: Float64Array): void {
    view.set(this.data.subarray(0, this.length));
    this.data = view;
  }
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** A Uint8Array that grows by doubling, for small codes per row (value sources). */
export class Uint8Column {
  readonly bytesPerRow = 1;
  private data: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint8Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint8Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  /**
   * Writes from now on into `view` (rows of a buffer shared with the other half of a parallel read, so the halves
   * meet without a copy: read-dataset.ts). Past its end the column grows privately, as any other.
   */
  writeInto(view: Uint8Array): void {
    view.set(this.data.subarray(0, this.length));
    this.data = view;
  }
  values(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

/** A Uint32Array that grows by doubling (physical line numbers of kept rows). */
export class Uint32Column {
  readonly bytesPerRow = 4;
  private data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  /**
   * Writes from now on into `view` (rows of a buffer shared with the other half of a parallel read, so the halves
   * meet without a copy: read-dataset.ts). Past its end the column grows privately, as any other.
   */
  writeInto(view: Uint32Array): void {
    view.set(this.data.subarray(0, this.length));
    this.data = view;
  }
  values(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}


/**
 * The codes of a text column: 2 bytes a row while the column has fewer than 65,536 distinct values (agents, channels,
 * teams — almost always), widened once to 4 bytes when a code needs it (customer ids of a large export).
 */
export class CodeColumn {
  private data: Uint16Array | Uint32Array = new Uint16Array(1024);
  length = 0;
  push(code: number): void {
    if (this.length === this.data.length || (code > 0xffff && this.data instanceof Uint16Array)) {
      const wide = code > 0xffff || this.data instanceof Uint32Array;
      const grown = wide ? new Uint32Array(this.length === this.data.length ? this.data.length * 2 : this.data.length) : new Uint16Array(this.data.length * 2);
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data[this.length++] = code;
  }
  values(): Uint16Array | Uint32Array {
    return this.data.subarray(0, this.length);
  }
}
