/**
 * Groups a stream into arrays of up to `size`. When the stream fails, the items already received are still
 * handed out as a last batch before the error, so the caller can store them.
 */
export async function* batches<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  try {
    for await (const item of source) {
      batch.push(item);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (batch.length > 0) yield batch;
    throw error;
  }
  if (batch.length > 0) yield batch;
}
