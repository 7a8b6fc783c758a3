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

/** The usual wordings of each survey's question, as survey tools write them into the header (issue #11). */
// English first; then German, French, Spanish, Italian, Portuguese and Russian wordings of the same questions.
const NPS_QUESTIONS = [/\bhow likely\b.*\brecommend/i, /\blikelihood to recommend\b/i, /\bnet promoter\b/i, /\bempfehlen\b/i, /\brecommander\b/i, /\brecomendar/i, /\braccomandare\b/i, /насколько вероятно.*рекоменд/i, /порекомендуете/i];
const CSAT_QUESTIONS = [/\bhow satisfied\b/i, /\boverall satisfaction\b/i, /\bsatisfied (?:are|were) you\b/i, /\bsatisfied or dissatisfied\b/i, /\bhow would you rate\b.*\b(?:support|service|experience|help)\b/i, /\bwie zufrieden\b/i, /\bsatisfait/i, /\bsatisfech/i, /\bsoddisfatt/i, /\bsatisfeit/i, /насколько вы (?:довольны|удовлетворены)/i];
const CES_QUESTIONS = [/\bhow easy\b/i, /\bmade it easy\b/i, /\bhow much effort\b/i, /\bwie einfach\b/i, /\bfacile\b/i, /\bfácil\b/i, /насколько (?:легко|просто)/i];

export const SURVEYS: DatasetKind = {
  kind: 'surveys',
  rowNoun: 'survey response',
  fields: [
    { field: 'responded_at', type: 'instant', required: true, aliases: ['respondedat', 'responded', 'responsedate', 'responsetime', 'submittedat', 'submitdate', 'submittedon', 'datesubmitted', 'completedat', 'completed', 'recordeddate', 'createdat', 'created', 'date', 'updatedat', 'enddate', 'datemodified', 'датаответа', 'датаопроса', 'дата'] },
    { field: 'survey', type: 'text', required: false, aliases: ['survey', 'surveytype', 'surveykind', 'surveyname', 'metric', 'типопроса', 'опрос'] },
    { field: 'score', type: 'score', required: false, aliases: ['score', 'answer', 'value', 'response', 'балл', 'ответ'] },
    { field: 'csat', type: 'score', required: false, aliases: ['csat', 'csatscore', 'satisfaction', 'satisfactionscore', 'rating', 'conversationrating', 'оценка', 'оценкаклиента'], questions: CSAT_QUESTIONS },
    { field: 'nps', type: 'score', required: false, aliases: ['nps', 'npsscore', 'likelihoodtorecommend', 'recommend', 'recommendationscore'], questions: NPS_QUESTIONS },
    { field: 'ces', type: 'score', required: false, aliases: ['ces', 'cesscore', 'effort', 'effortscore', 'customereffort', 'customereffortscore'], questions: CES_QUESTIONS },
    { field: 'ticket_id', type: 'text', required: false, aliases: ['ticketid', 'ticket', 'ticketnumber', 'conversationid', 'номертикета', 'номеробращения'] },
    { field: 'customer_id', type: 'text', required: false, aliases: ['customerid', 'customer', 'contactid', 'contact', 'email', 'contactemailaddress', 'userid', 'клиент', 'idклиента'] },
    { field: 'channel', type: 'text', required: false, normalise: 'channel', aliases: ['channel', 'via', 'source', 'канал'] },
    { field: 'agent', type: 'text', required: false, aliases: ['agent', 'agentname', 'teammate', 'assignee', 'оператор', 'сотрудник'] },
    { field: 'comment', type: 'text', required: false, aliases: ['comment', 'comments', 'feedback', 'reason', 'remark', 'ratingremark', 'комментарий', 'отзыв'] },
  ],
  requiredOneOf: [['survey', 'score'], ['csat'], ['nps'], ['ces']],
  unansweredIsSkipped: true,
  record: SurveyRecord,
  time: 'responded_at',
};
