/**
 * Peak RSS over file size of the original tool's json.load (seed_frequencies.py): 8.6 on 100k ItemStructs
 * (437 MB -> 3746 MB), about 6 on tiktok-scraper items (issue 13: 1.35 GB -> 8 GB).
 */
export const PYTHON_MEMORY_PER_BYTE = 9;

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

/**
 * Why the original tool must not run on a file of `fileBytes` with `availableBytes` of memory free (it would need
 * more than 80% of it, and the machine would swap or kill a process), or null when it fits.
 */
export const referenceSkipReason = (fileBytes: number, availableBytes: number): string | null => {
  const needed = fileBytes * PYTHON_MEMORY_PER_BYTE;
  if (needed < availableBytes * 0.8) return null;
  return `skipped: json.load of this ${gib(fileBytes)} file needs about ${gib(needed)}, ${gib(availableBytes)} available`;
};
