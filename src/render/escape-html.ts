import { showControls } from './visible-controls.js';

/**
 * Text as itself in HTML, in element content and in attribute values alike; control characters and bidi marks shown
 * as `\uXXXX` so that a name cannot reverse or hide the text around it.
 */
export function escapeHtml(text: string): string {
  return showControls(text, 'keep').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
