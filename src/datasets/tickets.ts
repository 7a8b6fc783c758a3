import { z } from 'zod';
import type { DatasetKind, FieldSpec } from './kind.js';
import { orderRefinement, type OrderRule } from './order-rule.js';

/**
 * Canonical ticket fields and their generic header spellings, English and Russian, normalised (SPEC §2). Bare words
 * that are also status values (`Solved`, `Closed`, `Закрыт`) are left out: a data row would look like a header.
 * Duration fields are named for the unit people write (`…_minutes`); their values are seconds once read.
 * The business-hours twins take Intercom's office-hours columns too — `First response time, only within office hours
 * (seconds)` and `Time to close, within office hours (seconds)` (spellings seen in public code that reads Intercom's
 * conversation dataset export; Intercom's own help pages name the "Within office hours" metrics, not the headers).
 */
const FIELDS: readonly FieldSpec[] = [
  { field: 'id', type: 'id', required: true, aliases: ['id', 'ticketid', 'ticket', 'ticketnumber', 'ticketno', 'number', 'no', '№', '#', 'key', 'issuekey', 'caseid', 'casenumber', 'conversationid', 'номер', 'номертикета', 'номерзаявки', 'номеробращения', 'idтикета', 'idзаявки', 'idобращения'] },
  { field: 'created_at', type: 'instant', required: true, aliases: ['createdat', 'created', 'createdtime', 'createddate', 'createdon', 'creationdate', 'creationtime', 'datecreated', 'openedat', 'opened', 'openedon', 'conversationstartedat', 'датасоздания', 'создан', 'создано', 'датаоткрытия', 'датаобращения', 'времясоздания'] },
  { field: 'first_response_at', type: 'instant', required: false, aliases: ['firstresponseat', 'firstrespondedat', 'firstreplyat', 'initialresponsetime', 'initialresponseat', 'firstrepliedat', 'firstresponsedate', 'firstreplydate', 'conversationfirstrepliedat', 'датапервогоответа', 'первыйответ'] },
  { field: 'first_response_minutes', type: 'duration', required: false, aliases: ['firstresponseminutes', 'firstresponsetime', 'firstresponsetimeminutes', 'firstresponsetimeinminutes', 'firstreplytimeinminutes', 'firstreplytime', 'firstreplyminutes', 'firstresponseseconds', 'firstresponsetimeseconds', 'firstresponsetimeinseconds', 'firstresponsehours', 'frt', 'frtminutes', 'frtseconds', 'времяпервогоответа', 'времяпервогоответамин', 'времяпервогоответасек', 'времяпервогоответачас', 'времяреакции', 'времяреакциимин'] },
  { field: 'resolved_at', type: 'instant', required: false, aliases: ['resolvedat', 'resolvedtime', 'resolveddate', 'resolvedon', 'solvedat', 'closedat', 'closedtime', 'closeddate', 'closedon', 'resolutiondate', 'dateresolved', 'dateclosed', 'conversationlastclosedat', 'датарешения', 'датазакрытия'] },
  { field: 'resolution_minutes', type: 'duration', required: false, aliases: ['resolutionminutes', 'resolutiontime', 'resolutiontimeminutes', 'resolutiontimeinminutes', 'fullresolutiontimeinminutes', 'fullresolutiontime', 'resolutionseconds', 'resolutionhours', 'timetoresolve', 'timetoresolution', 'timetoclose', 'art', 'времярешения', 'времярешениямин', 'времярешениячас', 'времязакрытия', 'времязакрытиямин'] },
  { field: 'first_response_business_minutes', type: 'duration', required: false, aliases: ['firstresponsebusinessminutes', 'firstreplytimeinminuteswithinbusinesshours', 'firstresponsetimewithinbusinesshours', 'firstresponsetimeonlywithinofficehours', 'firstresponsetimewithinofficehours'] },
  { field: 'resolution_business_minutes', type: 'duration', required: false, aliases: ['resolutionbusinessminutes', 'fullresolutiontimeinminuteswithinbusinesshours', 'resolutiontimewithinbusinesshours', 'timetoclosewithinofficehours', 'timetocloseonlywithinofficehours'] },
  { field: 'first_resolution_minutes', type: 'duration', required: false, aliases: ['firstresolutionminutes', 'firstresolutiontimeinminutes', 'firstresolutiontime'] },
  // Durations given only as brackets (Zendesk Explore: `8-24 hrs`, `No replies`, `Unsolved`): read as labels, each
  // distinct label parsed once (read/duration-bracket.ts) when no exact time exists.
  { field: 'first_response_bracket', type: 'text', required: false, aliases: ['firstreplytimebrackets', 'firstreplytimebracket', 'firstresponsetimebrackets', 'firstresponsetimebracket'] },
  { field: 'resolution_bracket', type: 'text', required: false, aliases: ['fullresolutiontimebrackets', 'fullresolutiontimebracket', 'resolutiontimebrackets', 'resolutiontimebracket'] },
  { field: 'status', type: 'text', required: false, aliases: ['status', 'state', 'статус', 'состояние'] },
  { field: 'channel', type: 'text', required: false, normalise: 'channel', aliases: ['channel', 'via', 'medium', 'канал'] },
  { field: 'agent', type: 'text', required: false, aliases: ['agent', 'assignee', 'owner', 'operator', 'responsible', 'assignedto', 'ответственный', 'оператор', 'исполнитель', 'сотрудник'] },
  { field: 'team', type: 'text', required: false, aliases: ['team', 'group', 'queue', 'команда', 'группа', 'отдел'] },
  { field: 'priority', type: 'text', required: false, aliases: ['priority', 'приоритет'] },
  { field: 'customer_id', type: 'text', required: false, normalise: 'caseless', aliases: ['customerid', 'customer', 'requesterid', 'requester', 'contactid', 'contact', 'clientid', 'client', 'userid', 'клиент', 'idклиента', 'заказчик', 'контакт'] },
  { field: 'category', type: 'text', required: false, aliases: ['category', 'type', 'tickettype', 'topic', 'категория', 'тип'] },
  { field: 'csat', type: 'score', required: false, aliases: ['csat', 'satisfaction', 'satisfactionscore', 'satisfactionrating', 'rating', 'surveyresults', 'surveyresult', 'lastteammaterating', 'conversationrating', 'оценка', 'оценкаклиента'] },
  { field: 'reopens', type: 'number', required: false, aliases: ['reopens', 'reopencount', 'переоткрытия'] },
  { field: 'replies', type: 'number', required: false, aliases: ['replies', 'replycount', 'ответы'] },
];

const duration = z.number().min(0, 'negative duration').nullable();

/**
 * One ticket row as zod checks it: instants epoch ms, durations seconds, null = empty cell, NaN = a value its column
 * parser could not read. The schema is the type (STYLE: zod). Text and score fields are kept as codes, outside the
 * record (each distinct value is checked once).
 */
const TicketFields = z.object({
  id: z.union([z.number(), z.string().min(1)]),
  created_at: z.number(),
  first_response_at: z.number().nullable(),
  resolved_at: z.number().nullable(),
  first_response_minutes: duration,
  resolution_minutes: duration,
  first_response_business_minutes: duration,
  resolution_business_minutes: duration,
  first_resolution_minutes: duration,
  reopens: z.number().min(0, 'negative count').nullable(),
  replies: z.number().min(0, 'negative count').nullable(),
});

/** A response or resolution before the ticket was created is a broken row (a wrong zone, a clock skew). */
const TICKET_ORDER: readonly OrderRule[] = [
  { field: 'first_response_at', notBefore: 'created_at', message: 'response before creation' },
  { field: 'resolved_at', notBefore: 'created_at', message: 'resolution before creation' },
];

export const TicketRecord = TicketFields.superRefine(orderRefinement(TICKET_ORDER));
export type TicketRecord = z.infer<typeof TicketRecord>;

/** Help-desk tickets (SPEC §2 `tickets`). */
export const TICKETS: DatasetKind = {
  kind: 'tickets',
  rowNoun: 'ticket',
  fields: FIELDS,
  record: TicketFields,
  order: TICKET_ORDER,
  ratingsAside: true,
  key: 'id',
  keyLabel: 'ticket id',
  bracketFields: ['first_response_bracket', 'resolution_bracket'],
  time: 'created_at',
  elapsed: [
    { name: 'first_response', duration: 'first_response_minutes', from: 'created_at', to: 'first_response_at' },
    { name: 'resolution', duration: 'resolution_minutes', from: 'created_at', to: 'resolved_at' },
  ],
};

/** The optional ticket fields the ticket volume, FRT and ART need (the others are parsed only when asked for). */
export const TICKET_TIME_FIELDS = ['first_response_minutes', 'first_response_at', 'resolution_minutes', 'resolved_at'] as const;
