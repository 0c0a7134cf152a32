import {
  ANALYSIS_ROUTES,
  analysisPath,
  GrowthResponse,
  PostEngagementResponse,
} from "../../../shared/api/analysis.ts";
import { createApiClient } from "../../../shared/api/client.ts";
import type { EngagementSource } from "../views/engagement-view.tsx";
import { type CompanionConnection, plainWords } from "./companion-actions.ts";

/** The engagement view's questions, answered by the companion's analysis routes (answers checked by the contract). */
export const companionEngagement = (
  connection: CompanionConnection,
  fetchImpl?: typeof fetch,
): EngagementSource => {
  const client = createApiClient({ ...connection, fetch: fetchImpl, retries: 2 });
  return {
    growth: async (hashtag, query) => {
      const answer = await plainWords(
        client.get(analysisPath(ANALYSIS_ROUTES.growth, hashtag), GrowthResponse, { ...query }),
      );
      const { from, to } = answer;
      return from === null || to === null ? null : { ...answer, from, to };
    },
    history: (postId) =>
      plainWords(client.get(analysisPath(ANALYSIS_ROUTES.postEngagement, postId), PostEngagementResponse)),
  };
};
