import { z } from 'zod';
import type { TicketTimes } from '../metrics/ticket-times.js';
import type { Preset } from '../presets/index.js';
import type { DecimalSeparator } from '../read/number.js';
import type { TimestampFormat } from '../read/timestamp.js';
import type { Zone } from '../read/zone.js';
import type { FieldSpec } from './mapping.js';
import type { Rejections } from './rejections.js';

/**
 * Canonical ticket fields and their generic header spellings, English and Russian, normalised (SPEC §2). Bare words
 * that are also status values (`Solved`, `Closed`, `Закрыт`) are left out: a data row would look like a header.
 */
export const TICKET_FIELDS: readonly FieldSpec[] = [
  { field: 'id', required: true, aliases: ['id', 'ticketid', 'ticket', 'ticketnumber', 'ticketno', 'number', 'no', '№', '#', 'key', 'issuekey', 'caseid', 'casenumber', 'conversationid', 'номер', 'номертикета', 'номерзаявки', 'номеробращения', 'idтикета', 'idзаявки', 'idобращения'] },
  { field: 'created_at', required: true, aliases: ['createdat', 'created', 'createdtime', 'createddate', 'createdon', 'creationdate', 'creationtime', 'datecreated', 'openedat', 'opened', 'openedon', 'conversationstartedat', 'датасоздания', 'создан', 'создано', 'датаоткрытия', 'датаобращения', 'времясоздания'] },
  { field: 'first_response_at', required: false, aliases: ['firstresponseat', 'firstrespondedat', 'firstreplyat', 'firstrepliedat', 'firstresponsedate', 'firstreplydate', 'conversationfirstrepliedat', 'датапервогоответа', 'первыйответ'] },
  { field: 'first_response_minutes', required: false, duration: true, aliases: ['firstresponseminutes', 'firstresponsetime', 'firstresponsetimeminutes', 'firstresponsetimeinminutes', 'firstreplytimeinminutes', 'firstreplytime', 'firstreplyminutes', 'firstresponseseconds', 'firstresponsetimeseconds', 'firstresponsetimeinseconds', 'firstresponsehours', 'frt', 'frtminutes', 'frtseconds'] },
  { field: 'resolved_at', required: false, aliases: ['resolvedat', 'resolvedtime', 'resolveddate', 'resolvedon', 'solvedat', 'closedat', 'closedtime', 'closeddate', 'closedon', 'resolutiondate', 'conversationlastclosedat', 'датарешения', 'датазакрытия'] },
  { field: 'resolution_minutes', required: false, duration: true, aliases: ['resolutionminutes', 'resolutiontime', 'resolutiontimeminutes', 'resolutiontimeinminutes', 'fullresolutiontimeinminutes', 'fullresolutiontime', 'resolutionseconds', 'resolutionhours', 'timetoresolve', 'timetoresolution', 'timetoclose', 'art'] },
  { field: 'first_response_business_minutes', required: false, duration: true, aliases: ['firstresponsebusinessminutes', 'firstreplytimeinminuteswithinbusinesshours', 'firstresponsetimewithinbusinesshours'] },
  { field: 'resolution_business_minutes', required: false, duration: true, aliases: ['resolutionbusinessminutes', 'fullresolutiontimeinminuteswithinbusinesshours', 'resolutiontimewithinbusinesshours'] },
  { field: 'first_resolution_minutes', required: false, duration: true, aliases: ['firstresolutionminutes', 'firstresolutiontimeinminutes', 'firstresolutiontime'] },
  { field: 'status', required: false, aliases: ['status', 'state', 'статус', 'состояние'] },
  { field: 'channel', required: false, aliases: ['channel', 'via', 'medium', 'канал'] },
  { field: 'agent', required: false, aliases: ['agent', 'assignee', 'owner', 'operator', 'responsible', 'assignedto', 'ответственный', 'оператор', 'исполнитель', 'сотрудник'] },
  { field: 'team', required: false, aliases: ['team', 'group', 'queue', 'команда', 'группа', 'отдел'] },
  { field: 'priority', required: false, aliases: ['priority', 'приоритет'] },
  { field: 'customer_id', required: false, aliases: ['customerid', 'customer', 'requesterid', 'requester', 'contactid', 'contact', 'clientid', 'client', 'userid', 'клиент', 'idклиента', 'заказчик', 'контакт'] },
  { field: 'category', required: false, aliases: ['category', 'type', 'tickettype', 'topic', 'категория', 'тип'] },
  { field: 'csat', required: false, aliases: ['csat', 'satisfaction', 'satisfactionscore', 'rating', 'оценка', 'оценкаклиента'] },
  { field: 'reopens', required: false, aliases: ['reopens', 'reopencount', 'переоткрытия'] },
  { field: 'replies', required: false, aliases: ['replies', 'replycount', 'ответы'] },
];

/**
 * One ticket row in canonical form, as zod checks it. Instants are epoch ms, durations seconds; null = empty cell,
 * NaN = a value the column parser could not read. The schema is the type (STYLE: zod).
 */
export const TicketRecord = z
  .object({
    id: z.union([z.number(), z.string().min(1)]),
    createdAt: z.number(),
    firstResponseAt: z.number().nullable(),
    resolvedAt: z.number().nullable(),
    firstResponseSeconds: z.number().min(0).nullable(),
    resolutionSeconds: z.number().min(0).nullable(),
  })
  .superRefine((t, ctx) => {
    if (t.firstResponseAt !== null && t.firstResponseAt < t.createdAt) ctx.addIssue({ code: 'custom', path: ['firstResponseAt'], message: 'response before creation' });
    if (t.resolvedAt !== null && t.resolvedAt < t.createdAt) ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: 'resolution before creation' });
  });
export type TicketRecord = z.infer<typeof TicketRecord>;

/** Record keys → canonical field names (for messages and column lookup). */
export const FIELD_OF_KEY: Record<keyof TicketRecord, string> = {
  id: 'id',
  createdAt: 'created_at',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
  firstResponseSeconds: 'first_response_minutes',
  resolutionSeconds: 'resolution_minutes',
};

export interface TicketReadOptions {
  encoding?: string | undefined;
  delimiter?: string | undefined;
  preset?: Preset | undefined;
  map?: Readonly<Record<string, string>> | undefined;
  /** Zone of timestamps written without an offset (`--tz`). */
  zone: Zone;
  /** Forces every timestamp column's format (`--date-format`). */
  dateFormat?: TimestampFormat | undefined;
  /** Forces the decimal separator of number columns (`--decimal`). */
  decimal?: DecimalSeparator | undefined;
}

/** Per input file: where every data record went (SPEC §8: rows = accepted + rejected + skipped + merged). */
export interface InputSummary {
  file: string;
  kind: 'tickets';
  preset: string | null;
  encoding: string;
  delimiter: string;
  rows: number;
  accepted: number;
  rejected: number;
  skipped: number;
  merged: number;
}

export interface TicketDataset {
  times: TicketTimes;
  inputs: InputSummary[];
  rejections: Rejections;
  /** Things the user should know (a guessed date order, a substring --map match): printed on stderr. */
  notes: string[];
}

