/**
 * The pane's only touch of the Office global (besides the Excel adapter): waiting for Office to be
 * ready and asking which language the user runs Office in.
 */
export async function officeReady(): Promise<{ displayLanguage: string | undefined }> {
  if (typeof Office === 'undefined') return { displayLanguage: undefined };
  await Office.onReady();
  return { displayLanguage: Office.context?.displayLanguage };
}
