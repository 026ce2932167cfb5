/**
 * Imports every product area's Commerce event handler registrations (each module calls registerEventHandler).
 * The commerce-events consumer imports this file once. Add one import line per area.
 */
import './listings/event-handlers';
import './orders/event-handlers';

export {};
