/**
 * How far the readers of a file have got: bytes and records per reading thread, in shared memory, so that the main
 * thread — which draws the progress bar — sees the worker's half too. Each thread writes only its own slots.
 */
export interface ReadProgress {
  counters: Float64Array;
  /** This reader's first slot: its bytes at `slot`, its records at `slot + 1`. */
  slot: number;
  /** Called after each chunk, on the thread that reads it (the main thread draws from here: its reads are synchronous). */
  tick?: () => void;
}

/** Slots: main thread's bytes and records, then the worker's. */
export const MAIN_SLOT = 0;
export const WORKER_SLOT = 2;

export function progressCounters(): Float64Array {
  return new Float64Array(new SharedArrayBuffer(4 * Float64Array.BYTES_PER_ELEMENT));
}
