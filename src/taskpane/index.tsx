import { z } from 'zod';
import { mountPane } from './mount';

// The pane's Content-Security-Policy allows no eval: zod's compiled parsers would probe for it with
// `new Function`, which a strict CSP reports as a violation even though zod then falls back.
z.config({ jitless: true });

void mountPane(document.getElementById('root')!, { requireOffice: true });
