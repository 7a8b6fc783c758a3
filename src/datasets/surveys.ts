import { z } from 'zod';
import type { DatasetKind } from './kind.js';

/**
 * Survey responses (SPEC §2 `surveys`): long form (`survey` ∈ csat/nps/ces + `score`) or wide form (a column per
 * survey kind). Scores are kept as codes (each distinct answer checked once: a number or a known rating label);
 * the metrics read them on their scale.
 */
export const SurveyRecord = z.object({
  responded_at: z.number(),
});
export type SurveyRecord = z.infer<typeof SurveyRecord>;

export const SURVEYS: DatasetKind = {
  kind: 'surveys',
  rowNoun: 'survey response',
  fields: [
    { field: 'responded_at', type: 'instant', required: true, aliases: ['respondedat', 'responded', 'responsedate', 'responsetime', 'submittedat', 'submitdate', 'submittedon', 'datesubmitted', 'completedat', 'completed', 'recordeddate', 'createdat', 'created', 'date', 'updatedat', 'датаответа', 'датаопроса', 'дата'] },
    { field: 'survey', type: 'text', required: false, aliases: ['survey', 'surveytype', 'surveykind', 'surveyname', 'metric', 'типопроса', 'опрос'] },
    { field: 'score', type: 'score', required: false, aliases: ['score', 'answer', 'value', 'response', 'балл', 'ответ'] },
    { field: 'csat', type: 'score', required: false, aliases: ['csat', 'csatscore', 'satisfaction', 'satisfactionscore', 'rating', 'conversationrating', 'оценка', 'оценкаклиента'] },
    { field: 'nps', type: 'score', required: false, aliases: ['nps', 'npsscore', 'likelihoodtorecommend', 'recommend', 'recommendationscore'] },
    { field: 'ces', type: 'score', required: false, aliases: ['ces', 'cesscore', 'effort', 'effortscore', 'customereffort', 'customereffortscore'] },
    { field: 'ticket_id', type: 'text', required: false, aliases: ['ticketid', 'ticket', 'ticketnumber', 'conversationid', 'номертикета', 'номеробращения'] },
    { field: 'customer_id', type: 'text', required: false, aliases: ['customerid', 'customer', 'contactid', 'contact', 'email', 'contactemailaddress', 'userid', 'клиент', 'idклиента'] },
    { field: 'channel', type: 'text', required: false, normalise: 'channel', aliases: ['channel', 'via', 'source', 'канал'] },
    { field: 'agent', type: 'text', required: false, aliases: ['agent', 'agentname', 'teammate', 'assignee', 'оператор', 'сотрудник'] },
    { field: 'comment', type: 'text', required: false, aliases: ['comment', 'comments', 'feedback', 'reason', 'комментарий', 'отзыв'] },
  ],
  requiredOneOf: [['survey', 'score'], ['csat'], ['nps'], ['ces']],
  record: SurveyRecord,
  time: 'responded_at',
};
