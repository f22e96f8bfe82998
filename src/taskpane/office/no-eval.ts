import { z } from 'zod';

/**
 * The pane's Content-Security-Policy allows no eval. zod's compiled parsers would probe for it with
 * `new Function`, which a strict policy reports as a violation even though zod then falls back; so
 * zod runs without them. Imported first by every entry, before any schema is used at load time.
 */
z.config({ jitless: true });
