import { EventSourceParserStream } from "eventsource-parser/stream";
import { JOB_EVENT_NAME, JobEvent } from "../../../shared/api/jobs.ts";

/**
 * Reads the companion's job events from a fetch response (EventSource cannot send the Authorization header).
 * Calls `onEvent` with each valid event and its id (to resume with Last-Event-ID); returns when the stream ends.
 */
export const readJobEvents = async (
  response: Response,
  onEvent: (event: JobEvent, id: string | undefined) => void,
): Promise<void> => {
  if (response.body === null) return;
  const events = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream());
  const reader = events.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    if (value.event !== undefined && value.event !== JOB_EVENT_NAME) continue;
    // An event this build cannot read is skipped, not fatal: the next one carries the full job again.
    let data: unknown;
    try {
      data = JSON.parse(value.data);
    } catch {
      continue;
    }
    const parsed = JobEvent.safeParse(data);
    if (parsed.success) onEvent(parsed.data, value.id);
  }
};
