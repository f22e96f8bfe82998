/**
 * One worksheet proxy per sheet name and request context: Microsoft's performance guidance
 * ("Strategy 1: move unchanged values out of loops") — every `getItem` call is another object path
 * in the request, sent again in every sync, so reusing the proxy shrinks each request.
 */
const cache = new WeakMap<Excel.RequestContext, Map<string, Excel.Worksheet>>();

export function worksheet(context: Excel.RequestContext, name: string): Excel.Worksheet {
  let byName = cache.get(context);
  if (!byName) cache.set(context, (byName = new Map()));
  let ws = byName.get(name);
  if (!ws) byName.set(name, (ws = context.workbook.worksheets.getItem(name)));
  return ws;
}
