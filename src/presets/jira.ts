import type { Preset } from './preset.js';

/**
 * Jira Service Management issue export ("Export CSV (all fields)" / "current fields"), headers in the user's
 * language — English and Spanish here (`Clave de incidencia`, `Creada`, `Resuelta`, `Persona asignada`, `Informador`).
 * Dates are `dd/MMM/yy h:mm a` with the month in that language (`18/jul/26 9:10 AM`) in the exporting user's zone:
 * pass --tz. Repeated names (`Labels`, five `Comment`s, two `Sprint`s) are told apart as `Comment_1` … and unused.
 *
 * FRT: Jira has no first-response time of its own; `[CHART] Date of First Response` (a built-in date field: the first
 * comment by someone other than the reporter) − `Created`. ART: `Resolved` − `Created`.
 *
 * The SLA columns (`Time to first response`, `Time to resolution`, Spanish `Tiempo hasta la primera respuesta`,
 * `Tiempo de resolución`) hold `h:mm` like `2:30` or `-1:15`: the time *remaining* against the SLA goal when the cycle
 * stopped (negative: breached by that much), in the SLA calendar's working hours — not the time it took. They are never
 * read as FRT/ART (left out, so the generic `Time to resolution` alias cannot take them either).
 *
 * `Customer Request Type` (Report a bug, Billing question …) is what the request is about: the category (before the
 * coarser `Issue Type`), not a channel. A `Canal`/`Channel` column, when a project has one, is the channel.
 */
export const jira: Preset = {
  name: 'jira',
  kind: 'tickets',
  description: 'Jira Service Management issue CSV export (en/es headers)',
  columns: [
    ['Issue key', 'id'],
    ['Clave de incidencia', 'id'],
    ['Clave', 'id'],
    ['Created', 'created_at'],
    ['Creada', 'created_at'],
    ['Custom field ([CHART] Date of First Response)', 'first_response_at'],
    ['Campo personalizado ([CHART] Date of First Response)', 'first_response_at'],
    ['[CHART] Date of First Response', 'first_response_at'],
    ['Resolved', 'resolved_at'],
    ['Resuelta', 'resolved_at'],
    ['Assignee', 'agent'],
    ['Persona asignada', 'agent'],
    // Older Spanish Jira translations caption the assignee `Responsable`.
    ['Responsable', 'agent'],
    ['Status', 'status'],
    ['Estado', 'status'],
    ['Priority', 'priority'],
    ['Prioridad', 'priority'],
    ['Custom field (Customer Request Type)', 'category'],
    ['Campo personalizado (Tipo de solicitud de cliente)', 'category'],
    ['Customer Request Type', 'category'],
    ['Request Type', 'category'],
    ['Tipo de solicitud de cliente', 'category'],
    ['Issue Type', 'category'],
    ['Tipo de incidencia', 'category'],
    ['Reporter', 'customer_id'],
    ['Informador', 'customer_id'],
    ['Custom field (Satisfaction rating)', 'csat'],
    ['Campo personalizado (Valoración de la satisfacción)', 'csat'],
    ['Satisfaction rating', 'csat'],
    ['Valoración de la satisfacción', 'csat'],
    ['Canal', 'channel'],
    ['Channel', 'channel'],
  ],
  evidence: [
    'Issue key', 'Issue id', 'Issue Type', 'Project key', 'Project type', 'Parent id', 'Status Category', 'Status Category Changed',
    'Custom field (Customer Request Type)', 'Custom field (Time to first response)', 'Custom field ([CHART] Date of First Response)',
    'Clave de incidencia', 'ID de la incidencia', 'Tipo de incidencia', 'Clave del proyecto', 'Tipo de proyecto', 'Persona asignada',
    'Informador', 'Categoría de estado', 'Campo personalizado (Tipo de solicitud de cliente)', 'Campo personalizado (Tiempo hasta la primera respuesta)',
  ],
  ignoreColumns: [
    'Custom field (Time to first response)', 'Custom field (Time to resolution)', 'Time to first response', 'Time to resolution',
    'Campo personalizado (Tiempo hasta la primera respuesta)', 'Campo personalizado (Tiempo de resolución)',
    'Tiempo hasta la primera respuesta', 'Tiempo de resolución',
    // `Resolution` is Done / Won't Do, not a time; `Updated`/`Actualizada` is no resolution either.
    'Resolution', 'Resolución', 'Updated', 'Actualizada',
  ],
};
