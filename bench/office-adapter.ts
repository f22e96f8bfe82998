/** Filled in once the Office.js adapter has landed: syncs and payload per command on the stand-in. */
export async function benchOfficeAdapter(): Promise<void> {}
